using System;
using AzBackupTroubleshoot.Engine.RecoveryServices;

namespace AzBackupTroubleshoot.Engine.Tests.RecoveryServices;

public class BackupJobFilterTests
{
    [Fact]
    public void Joins_equality_terms_with_and_in_the_services_time_format()
    {
        var filter = new BackupJobFilter
        {
            Status = "Failed",
            Operation = "Backup",
            StartTime = new DateTimeOffset(2026, 1, 2, 13, 4, 5, TimeSpan.FromHours(1)),
            EndTime = new DateTimeOffset(2026, 1, 9, 0, 0, 0, TimeSpan.Zero),
        };

        Assert.Equal(
            "backupManagementType eq 'AzureIaasVM' and operation eq 'Backup' and status eq 'Failed' and startTime eq '2026-01-02 12:04:05 PM' and endTime eq '2026-01-09 12:00:00 AM'",
            filter.ToOData());
    }

    [Fact]
    public void Has_no_filter_when_nothing_is_set() =>
        Assert.Null(new BackupJobFilter { BackupManagementType = null }.ToOData());

    [Fact]
    public void Doubles_quotes_inside_values() =>
        Assert.Equal("backupManagementType eq 'a''b'", new BackupJobFilter { BackupManagementType = "a'b" }.ToOData());
}
