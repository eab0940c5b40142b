using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AzBackupTroubleshoot.Core.Tests.Scripting;
using AzBackupTroubleshoot.Diagnosis;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Core.Tests.Diagnosis
{
    public class CommandPlaceholdersTests
    {
        private const string Sub = "00000000-0000-0000-0000-000000000001";
        private const string Template = "Invoke-Remedy -VmId '{VmId}' -VMName '{VMName}' -Group '{ResourceGroupName}' -Vault '{VaultName}' -VaultGroup '{VaultResourceGroupName}' -VaultId '{VaultId}' -Job '{JobId}'";
        private static readonly string[] Names = ["VmId", "VMName", "ResourceGroupName", "VaultName", "VaultResourceGroupName", "VaultId", "JobId"];

        /// <summary>Each field of a job that reaches a remedy command.</summary>
        public enum JobField { VmName, VmResourceGroup, WorkloadName, VaultName, VaultResourceGroup, JobId }

        public static TheoryData<JobField, string> JobFields() =>
            HostileValues.InEach(System.Enum.GetValues<JobField>());

        public static TheoryData<string, string> VmFields() =>
            HostileValues.InEach("Name", "ResourceGroupName", "VaultName");

        [Theory]
        [MemberData(nameof(JobFields))]
        public void A_hostile_job_field_fills_its_placeholders_as_literal_strings_only(JobField field, string value)
        {
            var vmName = field == JobField.VmName ? value : "vm1";
            var vmGroup = field == JobField.VmResourceGroup ? value : "rg-app";
            var vaultName = field == JobField.VaultName ? value : "vault1";
            var vaultGroup = field == JobField.VaultResourceGroup ? value : "rg-vault";
            var vmId = $"/subscriptions/{Sub}/resourceGroups/{vmGroup}/providers/Microsoft.Compute/virtualMachines/{vmName}";
            var vaultId = $"/subscriptions/{Sub}/resourceGroups/{vaultGroup}/providers/Microsoft.RecoveryServices/vaults/{vaultName}";
            var job = new JobEvidence
            {
                JobId = field == JobField.JobId ? value : "job-1",
                WorkloadName = field == JobField.WorkloadName ? value : "vm-w",
                VmId = field == JobField.WorkloadName ? null : vmId,
                VaultId = vaultId,
            };
            var expected = field == JobField.WorkloadName
                ? Values(null, value, null, vaultName, vaultGroup, vaultId, job.JobId)
                : Values(vmId, vmName, vmGroup, vaultName, vaultGroup, vaultId, job.JobId);

            AssertFilledWith(CommandPlaceholders.From(job), expected);
        }

        [Theory]
        [MemberData(nameof(VmFields))]
        public void A_hostile_vm_field_fills_its_placeholders_as_literal_strings_only(string field, string value)
        {
            var name = field == "Name" ? value : "vm1";
            var group = field == "ResourceGroupName" ? value : "rg-app";
            var vaultName = field == "VaultName" ? value : "vault1";
            var vmId = $"/subscriptions/{Sub}/resourceGroups/{group}/providers/Microsoft.Compute/virtualMachines/{name}";
            var vaultId = $"/subscriptions/{Sub}/resourceGroups/rg-vault/providers/Microsoft.RecoveryServices/vaults/{vaultName}";
            var vm = new VmEvidence { Vm = new VmIdentity(vmId, Sub, group, name), Protection = new ProtectionEvidence { VaultId = vaultId } };

            AssertFilledWith(CommandPlaceholders.From(vm), Values(vmId, name, group, vaultName, "rg-vault", vaultId, null));
        }

        [Fact]
        public void A_value_with_a_NUL_is_not_used_and_its_placeholder_stays()
        {
            var job = new JobEvidence { JobId = "job\0'; Invoke-Pwned", WorkloadName = "vm\0" };
            var placeholders = CommandPlaceholders.From(job);

            Assert.Null(placeholders.Fill("Get-Job -Id '{JobId}'"));
            Assert.Equal("Get-Job -Id '{JobId}' -Name '{VMName}'", placeholders.FillKnown("Get-Job -Id '{JobId}' -Name '{VMName}'"));
        }

        [Fact]
        public void A_placeholder_outside_single_quotes_is_never_filled()
        {
            var placeholders = CommandPlaceholders.From(new JobEvidence { JobId = "job-1" });

            Assert.Null(placeholders.Fill("Get-Job -Id {JobId}"));
            Assert.Equal("Get-Job -Id {JobId} -Other 'job-1'", placeholders.FillKnown("Get-Job -Id {JobId} -Other '{JobId}'"));
            Assert.Equal("Get-Job -Id 'job-1'", placeholders.Fill("Get-Job -Id '{JobId}'"));
        }

        [Fact]
        public void A_value_that_looks_like_a_placeholder_is_an_ordinary_value() =>
            Assert.Equal("Get-Job -Id '{VmId}'", CommandPlaceholders.From(new JobEvidence { JobId = "{VmId}" }).Fill("Get-Job -Id '{JobId}'"));

        [Fact]
        public void Every_knowledge_base_command_has_its_placeholders_in_single_quotes()
        {
            var templates = KnowledgeBase.Default.Entries.SelectMany(e => e.Remedies).Select(r => r.CommandTemplate).OfType<string>().ToList();

            Assert.Contains(templates, t => t.Contains("'{JobId}'"));
            Assert.All(templates, t => Assert.Equal(Regex.Matches(t, @"\{\w+\}").Count, Regex.Matches(t, @"'\{\w+\}'").Count));
        }

        private static void AssertFilledWith(CommandPlaceholders placeholders, Dictionary<string, string?> expected)
        {
            var command = placeholders.FillKnown(Template);
            var (code, values) = SingleQuotedReading.Read(command);

            Assert.Equal(SingleQuotedReading.Read(Template).Code, code);
            Assert.Equal(Names.Select(n => expected[n] ?? "{" + n + "}"), values);
            Assert.Equal(expected.Values.All(v => v != null) ? command : null, placeholders.Fill(Template));
        }

        private static Dictionary<string, string?> Values(string? vmId, string? vmName, string? group, string? vaultName, string? vaultGroup, string? vaultId, string? jobId) =>
            Names.Zip([vmId, vmName, group, vaultName, vaultGroup, vaultId, jobId]).ToDictionary(p => p.First, p => p.Second);
    }
}
