using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Identifiers;
using AzBackupTroubleshoot.Scripting;

namespace AzBackupTroubleshoot.Diagnosis
{
    /// <summary>
    /// Fills a remedy's command template ('{VmId}', '{VMName}', '{ResourceGroupName}', '{VaultName}',
    /// '{VaultResourceGroupName}', '{JobId}') from what a failure tells. Only a placeholder in single quotes is filled, and
    /// with the whole quoted value (<see cref="PowerShellString"/>), so a name can never become code; a value with a NUL
    /// is not used, and its placeholder stays for the user.
    /// </summary>
    internal sealed class CommandPlaceholders
    {
        private static readonly Regex Placeholder = new(@"\{(\w+)\}", RegexOptions.CultureInvariant);
        private static readonly Regex QuotedPlaceholder = new(@"'\{(\w+)\}'", RegexOptions.CultureInvariant);
        private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

        public static CommandPlaceholders From(JobEvidence job)
        {
            var p = new CommandPlaceholders();
            if (!p.SetVm(job.VmId))
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
            return p;
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

        private void Set(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value) && PowerShellString.CanQuote(value!))
            {
                _values[name] = value!;
            }
        }
    }
}
