using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Identifiers;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Scripting;

namespace AzBackupTroubleshoot.Diagnosis
{
    /// <summary>
    /// Fills a remedy from what a failure and its VM's evidence tell. Two kinds of placeholder exist in the knowledge
    /// base: this module's command templates use '{VmId}', '{VMName}', '{ResourceGroupName}', '{VaultName}',
    /// '{VaultResourceGroupName}', '{VaultId}', '{JobId}'; the documentation's own steps use &lt;LockId&gt;,
    /// AzureBackupRG_&lt;Geo&gt;_&lt;number&gt; and the like (<see cref="DocumentTokens"/>). In a command or a
    /// PowerShell script only a placeholder that is a whole single-quoted value is filled, and with the whole quoted
    /// value (<see cref="PowerShellString"/>), so a name can never become code; a value with a NUL is not used, and its
    /// placeholder stays for the user. A value is used only when the evidence names exactly one (one lock, one Key
    /// Vault): with two, which one the step means is the user's call.
    /// </summary>
    internal sealed class CommandPlaceholders
    {
        /// <summary>
        /// The documentation's placeholders this class can fill, by the name of the value that fills them; a pattern
        /// that names one thing as a whole (the restore point group, the collection) comes before its parts.
        /// </summary>
        internal static readonly IReadOnlyList<KeyValuePair<string, string>> DocumentTokens =
        [
            new("AzureBackupRG_<Geo>_<number>", "RestorePointResourceGroupName"),
            new("AzureBackupRG_<VMName>_<number>", "RestorePointCollectionName"),
            new("<LockId>", "LockId"),
            new("<KeyVaultName>", "KeyVaultName"),
            new("<KeyVaultResourceGroup>", "KeyVaultResourceGroupName"),
            new("<VMName>", "VMName"),
        ];

        /// <summary>
        /// Placeholders no evidence this module reads can fill, so they are always the user's to fill in: a classic
        /// cloud service, a network interface and its group and new address, a Backup Server's protected server.
        /// </summary>
        internal static readonly IReadOnlyList<string> UserSupplied =
            ["<CloudServiceName>", "<NicName>", "<ResourceGroupName>", "<PrivateIpAddress>", "<ServerName>"];

        /// <summary>What a step still holding placeholders says instead of a ready command.</summary>
        internal static readonly LocalizedText StillToFill = new(
            "Not ready to run as shown: fill in {0} first; the evidence does not name a single value for it.",
            "尚不能按原样运行：请先填写 {0}；证据中没有可唯一确定的值。",
            "尚不能依原樣執行：請先填寫 {0}；證據中沒有可唯一確定的值。");

        private static readonly Regex Placeholder = new(@"\{\w+\}|<\w+>", RegexOptions.CultureInvariant);
        private static readonly Regex QuotedPlaceholder = new(@"'\{(\w+)\}'", RegexOptions.CultureInvariant);
        private static readonly Regex QuotedDocumentValue = new(@"'([^'\r\n]*<\w+>[^'\r\n]*)'", RegexOptions.CultureInvariant);
        private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>From the job alone, and from its VM's evidence when a live diagnosis read it.</summary>
        public static CommandPlaceholders From(JobEvidence job, VmEvidence? vm = null)
        {
            var p = vm == null ? new CommandPlaceholders() : From(vm);
            if (!p.SetVm(job.VmId) && vm == null)
            {
                p.Set("VMName", job.WorkloadName);
            }

            p.SetVault(job.VaultId);
            p.Set("JobId", job.JobId);
            return p;
        }

        public static CommandPlaceholders From(VmEvidence vm)
        {
            var p = new CommandPlaceholders();
            p.Set("VmId", vm.Vm.ResourceId);
            p.Set("VMName", vm.Vm.Name);
            p.Set("ResourceGroupName", vm.Vm.ResourceGroupName);
            p.SetVault(vm.Protection?.VaultId);
            p.SetRestorePoints(vm);
            var keyVaults = (vm.Encryption?.KeyVaultIds ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (keyVaults.Count == 1 && AzureResourceId.TryParse(keyVaults[0], out var keyVault, out _))
            {
                p.Set("KeyVaultName", keyVault!.Name);
                p.Set("KeyVaultResourceGroupName", keyVault.ResourceGroupName);
            }

            return p;
        }

        /// <summary>The placeholders left in <paramref name="text"/>, each once, in order of appearance.</summary>
        public static IReadOnlyList<string> Remaining(string text)
        {
            var found = new List<(int Index, string Token)>();
            foreach (var whole in DocumentTokens.Select(t => t.Key).Where(k => !k.StartsWith("<", StringComparison.Ordinal)))
            {
                var at = text.IndexOf(whole, StringComparison.Ordinal);
                if (at >= 0)
                {
                    found.Add((at, whole));
                    text = text.Replace(whole, new string(' ', whole.Length));
                }
            }

            found.AddRange(Placeholder.Matches(text).Cast<Match>().Select(m => (m.Index, m.Value)));
            return found.OrderBy(f => f.Index).Select(f => f.Token).Distinct(StringComparer.Ordinal).ToList();
        }

        /// <summary>The command with every placeholder filled, or null when one cannot be.</summary>
        public string? Fill(string template)
        {
            var quoted = QuotedPlaceholder.Matches(template);
            var known = quoted.Cast<Match>().All(m => _values.ContainsKey(m.Groups[1].Value));
            return known && quoted.Count == Placeholder.Matches(template).Count ? FillKnown(template) : null;
        }

        /// <summary>The command with the placeholders this failure knows filled; the others stay for the user.</summary>
        public string FillKnown(string template) =>
            QuotedPlaceholder.Replace(template, m => _values.TryGetValue(m.Groups[1].Value, out var value) ? PowerShellString.Quote(value) : m.Value);

        /// <summary>A PowerShell script with each whole quoted placeholder it knows filled; other shells are left as written.</summary>
        public RemedyScript FillScript(RemedyScript script)
        {
            if (script.Shell != "powershell")
            {
                return script;
            }

            var filled = QuotedDocumentValue.Replace(script.Text, m => ValueOf(m.Groups[1].Value) is { } value ? PowerShellString.Quote(value) : m.Value);
            return filled == script.Text ? script : new RemedyScript(script.Shell, filled);
        }

        /// <summary>Remedy text with the documentation's placeholders it knows named; it is read, never run.</summary>
        public string FillText(string text) =>
            DocumentTokens.Aggregate(text, (t, token) => _values.TryGetValue(token.Value, out var value) ? t.Replace(token.Key, value) : t);

        private string? ValueOf(string token)
        {
            var name = DocumentTokens.Where(t => t.Key == token).Select(t => t.Value).FirstOrDefault();
            return name != null && _values.TryGetValue(name, out var value) ? value : null;
        }

        private bool SetVm(string? id)
        {
            if (!AzureResourceId.TryParse(id, out var vm, out _) || !vm!.IsVirtualMachine)
            {
                return false;
            }

            Set("VmId", vm.Id);
            Set("VMName", vm.Name);
            Set("ResourceGroupName", vm.ResourceGroupName);
            return true;
        }

        private void SetVault(string? id)
        {
            if (AzureResourceId.TryParse(id, out var vault, out _) && vault!.IsRecoveryServicesVault)
            {
                Set("VaultId", vault.Id);
                Set("VaultName", vault.Name);
                Set("VaultResourceGroupName", vault.ResourceGroupName);
            }
        }

        /// <summary>
        /// The group the service keeps the VM's collection in (or, without a collection, the AzureBackupRG_* group a
        /// lock is on), the collection, and the lock set on that group itself; a subscription's lock is never offered
        /// for removal here, lifting it unprotects the whole subscription.
        /// </summary>
        private void SetRestorePoints(VmEvidence vm)
        {
            var collections = (vm.RestorePointCollections ?? [])
                .Where(c => c.ResourceGroupName.StartsWith("AzureBackupRG_", StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (collections.Count == 1)
            {
                Set("RestorePointCollectionName", collections[0].Name);
                Set("RestorePointCollectionId", collections[0].ResourceId);
            }

            var groups = collections.Count > 0
                ? collections.Select(c => c.ResourceGroupName)
                : (vm.Locks ?? []).Select(l => l.ResourceGroupName).OfType<string>().Where(g => g.StartsWith("AzureBackupRG_", StringComparison.OrdinalIgnoreCase));
            var group = Single(groups);
            if (group == null)
            {
                return;
            }

            Set("RestorePointResourceGroupName", group);
            Set("LockId", Single((vm.Locks ?? [])
                .Where(l => !l.IsOnSubscription && string.Equals(l.ResourceGroupName, group, StringComparison.OrdinalIgnoreCase))
                .Select(l => l.ResourceId)));
        }

        private static string? Single(IEnumerable<string> values)
        {
            var distinct = values.Distinct(StringComparer.OrdinalIgnoreCase).Take(2).ToList();
            return distinct.Count == 1 ? distinct[0] : null;
        }

        private void Set(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value) && PowerShellString.CanQuote(value!))
            {
                _values[name] = value!;
            }
        }
    }
}
