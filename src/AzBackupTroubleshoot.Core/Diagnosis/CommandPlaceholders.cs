using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Resources;

namespace AzBackupTroubleshoot.Diagnosis
{
    /// <summary>Fills a remedy's command template ({VmId}, {VMName}, {ResourceGroupName}, {VaultName}, {VaultResourceGroupName}, {JobId}) from what a failure tells.</summary>
    internal sealed class CommandPlaceholders
    {
        private static readonly Regex Placeholder = new(@"\{(\w+)\}", RegexOptions.CultureInvariant);
        private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

        public static CommandPlaceholders From(JobEvidence job)
        {
            var p = new CommandPlaceholders();
            if (AzureResourceId.TryParse(job.VmId, out var vm, out _) && vm!.IsVirtualMachine)
            {
                p.Set("VmId", vm.Id);
                p.Set("VMName", vm.Name);
                p.Set("ResourceGroupName", vm.ResourceGroupName);
            }
            else
            {
                p.Set("VMName", job.WorkloadName);
            }

            if (AzureResourceId.TryParse(job.VaultId, out var vault, out _) && vault!.IsRecoveryServicesVault)
            {
                p.Set("VaultId", vault.Id);
                p.Set("VaultName", vault.Name);
                p.Set("VaultResourceGroupName", vault.ResourceGroupName);
            }

            p.Set("JobId", job.JobId);
            return p;
        }

        /// <summary>The command with every placeholder filled, or null when one cannot be.</summary>
        public string? Fill(string template)
        {
            var complete = true;
            var filled = Placeholder.Replace(template, m =>
            {
                if (_values.TryGetValue(m.Groups[1].Value, out var value))
                {
                    // Values go inside the template's single quotes; double any quote they contain.
                    return value.Replace("'", "''");
                }

                complete = false;
                return m.Value;
            });
            return complete ? filled : null;
        }

        private void Set(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                _values[name] = value!;
            }
        }
    }
}
