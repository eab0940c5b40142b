using System.Collections.Generic;
using System.Text.Json;
using AzBackupTroubleshoot.Engine.Policy;

namespace AzBackupTroubleshoot.Engine.Tests.Policy;

public class PolicyRuleReaderTests
{
    private const string TagOnGroups = """
        { "if": { "allOf": [ { "field": "type", "equals": "Microsoft.Resources/subscriptions/resourceGroups" },
                             { "field": "[concat('tags[', parameters('tagName'), ']')]", "exists": "false" } ] },
          "then": { "effect": "[parameters('effect')]" } }
        """;

    private static readonly Dictionary<string, JsonElement> NoValues = [];

    [Fact]
    public void Reads_a_literal_effect()
    {
        using var rule = JsonDocument.Parse("""{ "if": { "field": "location", "equals": "x" }, "then": { "effect": "Deny" } }""");
        Assert.Equal("Deny", PolicyRuleReader.EffectOf(rule.RootElement, NoValues, null));
        Assert.False(PolicyRuleReader.TargetsResourceGroupsOrTags(rule.RootElement));
    }

    [Fact]
    public void Resolves_a_parameterised_effect_from_the_assignment_before_the_default()
    {
        using var rule = JsonDocument.Parse(TagOnGroups);
        using var given = JsonDocument.Parse("\"Deny\"");
        var declared = new Dictionary<string, PolicyParameterDefinition> { ["effect"] = Definition("\"Audit\"") };

        Assert.Equal("Deny", PolicyRuleReader.EffectOf(rule.RootElement, new Dictionary<string, JsonElement> { ["Effect"] = given.RootElement }, declared));
        Assert.Equal("Audit", PolicyRuleReader.EffectOf(rule.RootElement, NoValues, declared));
        Assert.Null(PolicyRuleReader.EffectOf(rule.RootElement, NoValues, null));
    }

    [Fact]
    public void Sees_resource_group_and_tag_conditions()
    {
        using var rule = JsonDocument.Parse(TagOnGroups);
        Assert.True(PolicyRuleReader.TargetsResourceGroupsOrTags(rule.RootElement));

        using var tagOnly = JsonDocument.Parse("""{ "if": { "field": "tags.costCenter", "exists": "false" }, "then": { "effect": "deny" } }""");
        Assert.True(PolicyRuleReader.TargetsResourceGroupsOrTags(tagOnly.RootElement));
    }

    private static PolicyParameterDefinition Definition(string defaultJson)
    {
        using var document = JsonDocument.Parse(defaultJson);
        return new PolicyParameterDefinition { DefaultValue = document.RootElement.Clone() };
    }
}
