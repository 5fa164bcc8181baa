package dev.steward.systemtests.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.schema.Schema;
import dev.steward.launcher.ldap.SeedDirectory;
import dev.steward.systemtests.service.Deployable;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * deploy/ldap/schema.ldif is the local stack's directory schema written out (compose's ldap container cannot merge
 * two schema files): regenerate it from {@code SeedDirectory.schema().getSchemaEntry().toLDIFString()} when the
 * launcher's ad-schema.ldif changes.
 */
class LdapSchemaTest {

    @Test
    void composesDirectorySchemaIsTheLocalStacks() throws Exception {
        Entry file = Schema.getSchema(Deployable.repositoryRoot().resolve("deploy/ldap/schema.ldif").toFile())
                .getSchemaEntry();
        Entry launcher = SeedDirectory.schema().getSchemaEntry();

        for (String definitions : new String[] {"attributeTypes", "objectClasses", "matchingRules", "ldapSyntaxes"}) {
            assertThat(Set.of(file.getAttributeValues(definitions))).as(definitions)
                    .isEqualTo(Set.of(launcher.getAttributeValues(definitions)));
        }
        assertThat(file.getAttributeValues("objectClasses")).anyMatch(definition -> definition.contains("'group'")
                && definition.contains("groupType"));
    }
}
