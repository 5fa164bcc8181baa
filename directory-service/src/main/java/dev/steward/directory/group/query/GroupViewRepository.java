package dev.steward.directory.group.query;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface GroupViewRepository extends JpaRepository<GroupView, String>, JpaSpecificationExecutor<GroupView> {
}
