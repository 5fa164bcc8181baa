CREATE DATABASE steward_directory;
CREATE DATABASE steward_sync;
CREATE DATABASE steward_selfservice;
CREATE DATABASE steward_audit;
