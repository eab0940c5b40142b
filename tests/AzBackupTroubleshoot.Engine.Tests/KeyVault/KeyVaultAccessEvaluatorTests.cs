using System.Collections.Generic;
using AzBackupTroubleshoot.Engine.KeyVault;
using AzBackupTroubleshoot.Engine.Rest;

namespace AzBackupTroubleshoot.Engine.Tests.KeyVault;

public class KeyVaultAccessEvaluatorTests
{
    private const string BackupService = "11111111-1111-1111-1111-111111111111";

    [Fact]
    public void Grants_when_the_services_object_has_get_and_list_on_keys_and_secrets()
    {
        var access = KeyVaultAccessEvaluator.Evaluate([Vault(Policy(BackupService, keys: ["Get", "List", "Backup"], secrets: ["get", "list"]))], usesKeyEncryptionKey: true, BackupService);
        Assert.True(access.HasAccess);
        Assert.Contains(BackupService, access.Detail.English, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_when_a_kek_is_used_and_keys_are_not_granted()
    {
        var access = KeyVaultAccessEvaluator.Evaluate([Vault(Policy(BackupService, keys: [], secrets: ["get", "list"]))], usesKeyEncryptionKey: true, BackupService);
        Assert.False(access.HasAccess);
    }

    [Fact]
    public void Bek_only_needs_secrets_alone() =>
        Assert.True(KeyVaultAccessEvaluator.Evaluate([Vault(Policy(BackupService, keys: [], secrets: ["all"]))], usesKeyEncryptionKey: false, BackupService).HasAccess);

    [Fact]
    public void Refuses_when_only_another_principal_is_granted() =>
        Assert.False(KeyVaultAccessEvaluator.Evaluate([Vault(Policy("someone-else", ["get", "list"], ["get", "list"]))], true, BackupService).HasAccess);

    [Fact]
    public void Is_unknown_without_the_directorys_answer_when_someone_is_granted() =>
        Assert.Null(KeyVaultAccessEvaluator.Evaluate([Vault(Policy("someone", ["get", "list"], ["get", "list"]))], true, backupServiceObjectId: null).HasAccess);

    [Fact]
    public void Is_false_without_the_directorys_answer_when_nobody_is_granted() =>
        Assert.False(KeyVaultAccessEvaluator.Evaluate([Vault(Policy("someone", ["get"], ["get"]))], true, backupServiceObjectId: null).HasAccess);

    [Fact]
    public void Is_unknown_for_a_vault_that_uses_rbac()
    {
        var vault = Vault(Policy(BackupService, ["get", "list"], ["get", "list"]));
        vault.Properties!.EnableRbacAuthorization = true;
        var access = KeyVaultAccessEvaluator.Evaluate([vault], true, BackupService);
        Assert.Null(access.HasAccess);
        Assert.Contains("RBAC", access.Detail.English, System.StringComparison.Ordinal);
    }

    [Fact]
    public void One_refusing_vault_refuses_all()
    {
        var granted = Vault(Policy(BackupService, ["get", "list"], ["get", "list"]));
        var refused = Vault(Policy(BackupService, [], []));
        Assert.False(KeyVaultAccessEvaluator.Evaluate([granted, refused], true, BackupService).HasAccess);
    }

    private static ArmResource<KeyVaultProperties> Vault(KeyVaultAccessPolicy policy) => new()
    {
        Id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv",
        Name = "kv",
        Properties = new KeyVaultProperties { AccessPolicies = [policy] },
    };

    private static KeyVaultAccessPolicy Policy(string objectId, List<string> keys, List<string> secrets) => new()
    {
        ObjectId = objectId,
        Permissions = new KeyVaultPermissions { Keys = keys, Secrets = secrets },
    };
}
