using System;
using System.IO;
using AzBackupTroubleshoot.Engine.Snapshot;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Tests.Snapshot;

public class EvidenceSnapshotFileTests
{
    private const string Vm = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-payroll/providers/Microsoft.Compute/virtualMachines/vm-payroll01";
    private const string Vault = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-backup/providers/Microsoft.RecoveryServices/vaults/rsv-payroll";

    private static EvidenceSnapshot Sample => new()
    {
        CapturedAt = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero),
        Vms =
        [
            new VmEvidence
            {
                Vm = new VmIdentity(Vm, "11111111-2222-3333-4444-555555555555", "rg-payroll", "vm-payroll01"),
                Disks = [new DiskEvidence { Name = "os", IsOsDisk = true, VhdUri = "https://payrollstore.blob.core.windows.net/vhds/os.vhd?sv=2024-01-01&sr=b&sig=c2VjcmV0LXNpZ25hdHVyZQ%3D" }],
                Agent = new VmAgentEvidence { Statuses = [new StatusEvidence("ProvisioningState/failed", "Error", "Failed", "Download of https://x.blob.core.windows.net/c/b?se=2026&sig=abc%2Bdef failed on vm-payroll01 in RG-PAYROLL", null)] },
                Protection = new ProtectionEvidence { VaultId = Vault, ProtectedItemId = Vault + "/backupFabrics/Azure/protectionContainers/iaasvmcontainerv2;rg-payroll;vm-payroll01/protectedItems/vm;iaasvmcontainerv2;rg-payroll;vm-payroll01" },
                CollectedAt = new DateTimeOffset(2026, 3, 1, 8, 0, 1, TimeSpan.Zero),
            },
        ],
        Problems = [new ReadProblem(Vm, EvidencePart.Locks, 403, "AuthorizationFailed", "Microsoft.Authorization/locks/read", "vm-payroll01: refused")],
    };

    [Fact]
    public void Sas_query_strings_are_stripped_from_every_string()
    {
        var (read, text) = SnapshotRoundTrip.Through(Sample);

        Assert.DoesNotContain("sig=", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("https://payrollstore.blob.core.windows.net/vhds/os.vhd", read.Vms[0].Disks![0].VhdUri);
        Assert.StartsWith("Download of https://x.blob.core.windows.net/c/b failed", read.Vms[0].Agent!.Statuses[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Redaction_gives_each_name_one_placeholder_everywhere_in_the_file_whatever_its_case()
    {
        var (read, text) = SnapshotRoundTrip.Through(Sample, redact: true);

        const string RedactedVm = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-001/providers/Microsoft.Compute/virtualMachines/vm-001";
        Assert.Equal(RedactedVm, read.Vms[0].Vm.ResourceId);
        Assert.Equal(new VmIdentity(RedactedVm, "00000000-0000-0000-0000-000000000001", "rg-001", "vm-001"), read.Vms[0].Vm);
        Assert.EndsWith("vaults/vault-001", read.Vms[0].Protection!.VaultId, StringComparison.Ordinal);
        Assert.Contains("iaasvmcontainerv2;rg-001;vm-001", read.Vms[0].Protection!.ProtectedItemId, StringComparison.Ordinal);
        Assert.EndsWith("failed on vm-001 in rg-001", read.Vms[0].Agent!.Statuses[0].Message, StringComparison.Ordinal);
        Assert.Equal("vm-001: refused", read.Problems[0].Message);
        Assert.True(read.Redacted);
        EvidenceSnapshotScenarioTests.AssertNoName(text, Sample);
        Assert.DoesNotContain("payroll", text.Replace("payrollstore", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Computed_properties_are_not_written_and_enums_are_names()
    {
        var (_, text) = SnapshotRoundTrip.Through(Sample);

        Assert.DoesNotContain("isManaged", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"kind\"", text, StringComparison.Ordinal);
        Assert.Contains("\"part\": \"Locks\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_schema_version_is_refused_naming_both_versions()
    {
        var ex = Assert.Throws<EvidenceSnapshotFormatException>(() => ReadText("{\"schemaVersion\": 2, \"vms\": []}"));

        Assert.True(ex.IsOtherVersion);
        Assert.Contains("schema version 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("reads schema version 1", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n  \"schemaVersion\": 1,\n  \"vms\": [ { \"vm\": 3 } ]\n}", 3)]
    [InlineData("{\n  \"schemaVersion\": 1,\n  \"vms\": [\n  oops\n}", 4)]
    public void A_malformed_snapshot_names_its_line_and_position(string json, int line)
    {
        var ex = Assert.Throws<EvidenceSnapshotFormatException>(() => ReadText(json));

        Assert.False(ex.IsOtherVersion);
        Assert.Contains($"(line {line}, position ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_a_schema_version_is_not_a_snapshot()
    {
        var ex = Assert.Throws<EvidenceSnapshotFormatException>(() => ReadText("[]"));

        Assert.Contains("no schemaVersion", ex.Message, StringComparison.Ordinal);
    }

    private static EvidenceSnapshot ReadText(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"azbt-snapshot-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            return EvidenceSnapshotFile.Read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
