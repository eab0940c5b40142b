using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AzBackupTroubleshoot.Engine.Policy
{
    /// <summary>Reads what a policy rule does: its effect (resolving "[parameters('…')]") and what its condition looks at.</summary>
    internal static class PolicyRuleReader
    {
        private static readonly Regex ParameterExpression = new(
            @"^\[\s*parameters\(\s*'(?<name>[^']+)'\s*\)\s*\]$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase,
            TimeSpan.FromSeconds(1));

        public static string? EffectOf(
            JsonElement policyRule,
            IReadOnlyDictionary<string, JsonElement> values,
            IReadOnlyDictionary<string, PolicyParameterDefinition>? declared)
        {
            if (policyRule.ValueKind != JsonValueKind.Object
                || !TryGetProperty(policyRule, "then", out var then)
                || !TryGetProperty(then, "effect", out var effect))
            {
                return null;
            }

            var resolved = Resolve(effect, values, declared);
            return resolved.ValueKind == JsonValueKind.String ? resolved.GetString() : null;
        }

        /// <summary>A value that may be a parameter expression, resolved against given values, then declared defaults.</summary>
        public static JsonElement Resolve(
            JsonElement value,
            IReadOnlyDictionary<string, JsonElement> values,
            IReadOnlyDictionary<string, PolicyParameterDefinition>? declared)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                return value;
            }

            var match = ParameterExpression.Match(value.GetString() ?? string.Empty);
            if (!match.Success)
            {
                return value;
            }

            var name = match.Groups["name"].Value;
            if (TryGet(values, name, out var given))
            {
                return given;
            }

            return declared != null && TryGet(declared, name, out var parameter) ? parameter.DefaultValue : default;
        }

        /// <summary>Whether the condition names the resource group type or a tag field: such a deny can block the backup resource group.</summary>
        public static bool TargetsResourceGroupsOrTags(JsonElement policyRule) =>
            TryGetProperty(policyRule, "if", out var condition) && MentionsGroupsOrTags(condition);

        private static bool MentionsGroupsOrTags(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (MentionsGroupsOrTags(property.Value))
                        {
                            return true;
                        }
                    }

                    return false;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (MentionsGroupsOrTags(item))
                        {
                            return true;
                        }
                    }

                    return false;
                case JsonValueKind.String:
                    var text = element.GetString() ?? string.Empty;
                    return text.IndexOf("Microsoft.Resources/subscriptions/resourceGroups", StringComparison.OrdinalIgnoreCase) >= 0
                        || text.StartsWith("tags", StringComparison.OrdinalIgnoreCase)
                        || text.IndexOf("field('tags", StringComparison.OrdinalIgnoreCase) >= 0;
                default:
                    return false;
            }
        }

        private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                    {
                        value = property.Value;
                        return true;
                    }
                }
            }

            value = default;
            return false;
        }

        private static bool TryGet<T>(IReadOnlyDictionary<string, T> dictionary, string name, out T value)
        {
            foreach (var pair in dictionary)
            {
                if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = pair.Value;
                    return true;
                }
            }

            value = default!;
            return false;
        }
    }
}
