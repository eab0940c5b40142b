using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Azure.ResourceManager.Compute;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>The public settings of an Azure Disk Encryption extension: which vaults hold the keys, and whether a KEK is used.</summary>
    internal sealed record AdeExtensionSettings(bool Disabled, IReadOnlyList<string> KeyVaultIds, bool UsesKeyEncryptionKey)
    {
        public static bool IsAdeExtension(string? type) =>
            string.Equals(type, "AzureDiskEncryption", StringComparison.OrdinalIgnoreCase)
            || string.Equals(type, "AzureDiskEncryptionForLinux", StringComparison.OrdinalIgnoreCase);

        public static AdeExtensionSettings? Of(IEnumerable<VirtualMachineExtensionData> extensions)
        {
            var ade = extensions.FirstOrDefault(e => IsAdeExtension(e.ExtensionType));
            if (ade == null)
            {
                return null;
            }

            if (ade.Settings == null)
            {
                return new AdeExtensionSettings(false, [], false);
            }

            using var document = JsonDocument.Parse(ade.Settings.ToMemory());
            var settings = document.RootElement;
            var operation = Text(settings, "EncryptionOperation");
            var vaults = new[] { Text(settings, "KeyVaultResourceId"), Text(settings, "KekVaultResourceId") }
                .Where(id => !string.IsNullOrEmpty(id))
                .Select(id => id!)
                .ToArray();
            return new AdeExtensionSettings(
                string.Equals(operation, "DisableEncryption", StringComparison.OrdinalIgnoreCase),
                vaults,
                !string.IsNullOrEmpty(Text(settings, "KeyEncryptionKeyURL")));
        }

        private static string? Text(JsonElement settings, string name)
        {
            if (settings.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var property in settings.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                {
                    return property.Value.GetString();
                }
            }

            return null;
        }
    }
}
