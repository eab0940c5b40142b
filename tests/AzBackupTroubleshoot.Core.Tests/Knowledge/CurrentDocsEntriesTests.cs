using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Core.Tests.Knowledge
{
    /// <summary>
    /// The G entries: errors documented after the seeds. Each is found by its code and by the kind of message a job
    /// really carries (the documented wording inside a longer text), and by nothing else's.
    /// </summary>
    public class CurrentDocsEntriesTests
    {
        private static KnowledgeBase Kb => KnowledgeBase.Default;

        [Theory]
        [InlineData("G1", "UserErrorStandardSSDNotSupported")]
        [InlineData("G2", "UserErrorUnableToOpenMount")]
        [InlineData("G3", "UserErrorMigrationFromTrustedLaunchVMToNonTrustedVMNotAllowed")]
        [InlineData("G4", "UserErrorCrossSubscriptionRestoreNotSuppportedForOLR")]
        [InlineData("G5", "UserErrorCrossSubscriptionRestoreNotSuppportedForUnManagedAzureVM")]
        [InlineData("G6", "UserErrorCrossSubscriptionRestoreNotSuppportedForCRR")]
        [InlineData("G7", "UserErrorCrossSubscriptionRestoreNotSuppportedFromSnapshot")]
        [InlineData("G8", "UserErrorCrossSubscriptionRestoreInvalidTenant")]
        [InlineData("G9", "UserErrorCrossSubscriptionRestoreInvalidTargetSubscription")]
        [InlineData("G10", "UserErrorCrossSubscriptionRestoreNotSuppportedForEncryptedAzureVM")]
        [InlineData("G11", "UserErrorCrossSubscriptionRestoreNotSuppportedForTrustedLaunchAzureVM")]
        [InlineData("G12", "UserErrorEncryptedVmNotSupportedWithDiskEx")]
        [InlineData("G13", "DiskEncryptionInternalError")]
        [InlineData("G14", "BCMProtGetSaSUriAsyncError")]
        [InlineData("G16", "UserErrorUltraDiskOrPremiumSSDV2DiskVMCannotBeProtectedOnGRSVault")]
        public void Each_entry_is_found_by_its_code(string id, string code)
        {
            var match = Kb.Resolve(code, null);
            Assert.Equal(id, match?.Entry.Id);
            Assert.Equal(MatchKind.TextCode, match!.Kind);
        }

        [Theory]
        [InlineData("G1", "Backup", "Currently Azure Backup does not support Standard SSD disks.")]
        [InlineData("G2", "Backup", "Backups failed because the backup extensions on the VM were unable to open the mount points in the VM.")]
        [InlineData("G3", "ConfigureBackup", "Backup cannot be configured for the VM which has migrated from Trusted Launch mode to non Trusted Launch mode.")]
        [InlineData("G4", "Restore", "Operation failed as Cross Subscription Restore is not supported for Original Location Recovery.")]
        [InlineData("G5", "Restore", "Operation failed as Cross Subscription Restore is not supported for Azure VMs with Unmanaged Disks.")]
        [InlineData("G6", "Restore", "Operation failed as Cross Subscription Restore is not supported along-with Cross Region Restore.")]
        [InlineData("G7", "Restore", "Operation failed as Cross Subscription Restore is not supported when restoring from a Snapshot recovery point.")]
        [InlineData("G8", "Restore", "Operation failed as the tenant IDs for source and target subscriptions don't match.")]
        [InlineData("G9", "Restore", "Operation failed as the target subscription specified for restore is not registered to the Azure Recovery Services Resource Provider.")]
        [InlineData("G10", "Restore", "Operation failed as Cross Subscription Restore is not supported for Encrypted Azure VMs.")]
        [InlineData("G11", "Restore", "Operation failed as Cross Subscription Restore is not supported for Trusted Launch Azure VMs (TVMs).")]
        [InlineData("G12", "Backup", "Disk exclusion is not supported for encrypted virtual machines.")]
        [InlineData("G13", "Restore", "Unknown error encountered when retrieving secret from the Key Vault with URL https://contoso-kv.vault.azure.net/secrets/abc/123")]
        [InlineData("G14", "Backup", "Backup failed in allocating storage from protection service.")]
        [InlineData("G15", "ConfigureBackup", "Create Backup Protected Item failed: Unsupported OS version for virtual machine backup.")]
        [InlineData("G16", "ConfigureBackup", "Protection of virtual machines with Ultra disk or Premium SSD v2 could not be performed in the selected vault, with storage replication type as geo-redundant.")]
        public void Each_entry_is_found_by_a_realistic_message_alone(string id, string operation, string message)
        {
            var recognition = Kb.Recognize(null, message, MatchContext.Of(operation, "AzureIaasVM"));
            Assert.Equal(id, recognition.Match?.Entry.Id);
            Assert.Equal(MatchKind.Message, recognition.Match!.Kind);
            Assert.Equal(MatchConfidence.High, recognition.Match.Confidence);
        }

        [Fact]
        public void Standard_ssd_disks_not_supported_is_known()
        {
            var entry = Kb.Resolve("UserErrorStandardSSDNotSupported", "Currently Azure Backup does not support Standard SSD disks")!.Entry;
            Assert.Equal("G1", entry.Id);
            Assert.Contains("V2", entry.Remedies[0].Text.English);
            Assert.StartsWith("backup-azure-troubleshoot-vm-backup-fails-snapshot-timeout#usererrorstandardssdnotsupported", entry.Topic);
        }

        [Fact]
        public void A_linux_mount_point_that_cannot_be_opened_is_not_taken_for_a_freeze_failure()
        {
            var match = Kb.Resolve(null, "UserErrorUnableToOpenMount: the backup extension was unable to open the mount points in the VM.");
            Assert.Equal("G2", match?.Entry.Id);
            Assert.Equal("A4", Kb.Resolve(null, "Failed to freeze one or more mount-points of the VM to take a file-system consistent snapshot.")?.Entry.Id);
        }

        [Fact]
        public void A_permission_failure_of_an_encrypted_vm_is_known_though_the_message_never_says_key_vault()
        {
            const string message = "Backup failed in allocating storage from protection service";
            Assert.DoesNotContain("key vault", message.ToLowerInvariant());
            var entry = Kb.Resolve(null, message)!.Entry;
            Assert.Equal("G14", entry.Id);
            Assert.Contains("Key Vault", entry.Meaning.English);
        }

        [Fact]
        public void An_unsupported_guest_os_is_known_and_points_at_the_support_matrix()
        {
            var entry = Kb.Resolve(null, "Unsupported OS version for virtual machine backup")!.Entry;
            Assert.Equal("G15", entry.Id);
            Assert.StartsWith("backup-support-matrix-iaas#", entry.Topic);
        }

        [Fact]
        public void Ultra_or_premium_ssd_v2_disks_on_a_geo_redundant_vault_are_known_and_point_at_the_support_matrix()
        {
            const string pasted = "\"code\": \"UserErrorUltraDiskOrPremiumSSDV2DiskVMCannotBeProtectedOnGRSVault\", \"message\": \"Protection of virtual machines with Ultra disk or Premium SSD v2 could not be performed in the selected vault, with storage replication type as geo-redundant.\"";
            var entry = Kb.Resolve(null, pasted)!.Entry;
            Assert.Equal("G16", entry.Id);
            Assert.Equal("backup-support-matrix-iaas#vm-storage-support", entry.Topic);
            Assert.Contains("LRS", entry.Remedies[0].Text.English);
        }

        [Theory]
        [InlineData("OperationNotAllowed : The number of restore points across restore point collections and resource groups for a VM cannot exceed 18. To create a new restore point, please delete existing restore points.")]
        [InlineData("The number of restore points across restore point collections and resource groups for a VM cannot exceed 18.")]
        public void The_restore_point_limit_worded_cannot_exceed_18_is_the_full_collection(string message)
        {
            var recognition = Kb.Recognize("OperationNotAllowed", message, MatchContext.Of("Backup", "AzureIaasVM"));
            Assert.Equal("B4", recognition.Match?.Entry.Id);
            Assert.Equal(MatchConfidence.High, recognition.Match!.Confidence);
        }

        [Fact]
        public void Only_the_step_that_deletes_backup_data_is_destructive_for_a_former_trusted_launch_vm()
        {
            var entry = Kb.Get("G3")!;
            var destructive = Assert.Single(entry.Remedies, r => r.Destructive);
            Assert.Contains("-RemoveRecoveryPoints", destructive.CommandTemplate);
        }

        [Fact]
        public void Restore_errors_are_not_offered_for_a_backup_job()
        {
            var recognition = Kb.Recognize(null, "Operation failed as Cross Subscription Restore is not supported for Encrypted Azure VMs.", MatchContext.Of("Backup", "AzureIaasVM"));
            Assert.Null(recognition.Match);
        }
    }
}
