package dev.steward.directory.settings.api;

import java.util.List;
import java.util.Optional;

/**
 * A {@code groupSettingTemplate}: the values a setting of it has, with their types and defaults. The directory
 * knows Graph's {@code Group.Unified} template, the tenant-wide settings of Microsoft 365 groups.
 */
public record GroupSettingTemplate(String id, String displayName, String description, List<Value> values) {

    /** One {@code settingTemplateValue}; {@code type} is Graph's: {@code System.Boolean}, {@code System.Guid}, ... */
    public record Value(String name, String type, String defaultValue, String description) {
    }

    public static final String GROUP_UNIFIED_ID = "62375ab9-6b52-47ed-826b-58e47e0e304b";
    public static final String ENABLE_GROUP_CREATION = "EnableGroupCreation";
    public static final String GROUP_CREATION_ALLOWED_GROUP_ID = "GroupCreationAllowedGroupId";

    private static final String STRING = "System.String";
    private static final String BOOLEAN = "System.Boolean";
    private static final String GUID = "System.Guid";

    /** Graph's {@code Group.Unified} template, values in Graph's order. */
    public static final GroupSettingTemplate GROUP_UNIFIED = new GroupSettingTemplate(GROUP_UNIFIED_ID,
            "Group.Unified",
            "Setting templates define the different settings that can be used for the associated ObjectSettings. "
                    + "This template defines settings that can be used for Unified Groups.",
            List.of(
                    new Value("CustomBlockedWordsList", STRING, "",
                            "A comma-delimited list of blocked words for Unified Group displayName and mailNickName."),
                    new Value("EnableMSStandardBlockedWords", BOOLEAN, "false",
                            "A flag indicating whether or not to enable the Microsoft Standard list of blocked words "
                                    + "for Unified Group displayName and mailNickName."),
                    new Value("ClassificationDescriptions", STRING, "",
                            "A comma-delimited list of structured strings describing the classification values in "
                                    + "the ClassificationList."),
                    new Value("DefaultClassification", STRING, "",
                            "The classification value to be used by default for Unified Group creation."),
                    new Value("PrefixSuffixNamingRequirement", STRING, "",
                            "A structured string describing how a Unified Group displayName and mailNickname should "
                                    + "be structured."),
                    new Value("AllowGuestsToBeGroupOwner", BOOLEAN, "false",
                            "Flag indicating if guests are allowed to be owner in any Unified Group."),
                    new Value("AllowGuestsToAccessGroups", BOOLEAN, "true",
                            "Flag indicating if guests are allowed to access any Unified Group resources."),
                    new Value("GuestUsageGuidelinesUrl", STRING, "",
                            "A link to the Group Usage Guidelines for guests."),
                    new Value(GROUP_CREATION_ALLOWED_GROUP_ID, GUID, "",
                            "Guid of the security group that is always allowed to create Unified Groups."),
                    new Value("AllowToAddGuests", BOOLEAN, "true",
                            "Flag indicating if guests are allowed in any Unified Group."),
                    new Value("UsageGuidelinesUrl", STRING, "", "A link to the Group Usage Guidelines."),
                    new Value("ClassificationList", STRING, "",
                            "A comma-delimited list of valid classification values that can be applied to Unified "
                                    + "Groups."),
                    new Value(ENABLE_GROUP_CREATION, BOOLEAN, "true",
                            "Flag indicating if group creation feature is on."),
                    new Value("NewUnifiedGroupWritebackDefault", BOOLEAN, "true",
                            "Flag indicating if new Unified Groups are written back to on-premises by default."),
                    new Value("EnableMIPLabels", BOOLEAN, "false",
                            "Flag indicating whether sensitivity labels can be assigned to Unified Groups.")));

    /** Every template the directory knows. */
    public static final List<GroupSettingTemplate> ALL = List.of(GROUP_UNIFIED);

    public static Optional<GroupSettingTemplate> find(String id) {
        return ALL.stream().filter(template -> template.id().equalsIgnoreCase(id == null ? "" : id.trim()))
                .findFirst();
    }

    public Optional<Value> value(String name) {
        return values.stream().filter(value -> value.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Every value at its default, in the template's order. */
    public List<SettingValue> defaults() {
        return values.stream().map(value -> new SettingValue(value.name(), value.defaultValue())).toList();
    }
}
