package dev.steward.directory.group.api;

import java.util.Collection;

/** A command that names users or groups to add: their types are looked up before a batch of commands runs. */
public interface ReferencesObjects {

    /** The ids of users or groups the command would add as members or owners. */
    Collection<String> referencedIds();
}
