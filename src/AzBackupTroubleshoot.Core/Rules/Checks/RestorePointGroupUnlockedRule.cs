using System;
using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Identifiers;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>
    /// RestorePoint.GroupUnlocked (B4, C6): Azure Backup keeps the VM's instant restore points in a collection in an
    /// AzureBackupRG_&lt;region&gt;_&lt;n&gt; group (or the group a policy names) and deletes old ones itself; any
    /// lock on that group, or inherited from the subscription, stops the cleanup until the collection is full.
    /// The collections only add groups to watch: when they could not be read, the region's AzureBackupRG_* groups
    /// are still judged.
    /// </summary>
    public sealed class RestorePointGroupUnlockedRule : ReadinessRule
    {
        public const string RuleId = "RestorePoint.GroupUnlocked";

        private const string BackupGroupPrefix = "AzureBackupRG_";

        public RestorePointGroupUnlockedRule()
            : base(
                RuleId,
                new LocalizedText("The restore point resource group is not locked", "还原点资源组未被锁定", "還原點資源群組未被鎖定"),
                RuleSeverity.Error,
                ["B4", "C6"],
                EvidencePart.Locks)
        {
        }

        private protected override RuleOutcome Judge(VmEvidence evidence) =>
            IfCollected(evidence.Locks, EvidencePart.Locks, locks => Judge(evidence, locks));

        private static RuleOutcome Judge(VmEvidence evidence, IReadOnlyList<LockEvidence> locks)
        {
            var holding = VmRestorePoints.Of(evidence.Vm, evidence.RestorePointCollections ?? []).Select(c => c.ResourceGroupName).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var backupGroupPrefix = BackupGroupPrefix + (evidence.Location == null ? string.Empty : evidence.Location.Replace(" ", string.Empty) + "_");
            bool HoldsOrWouldHold(string? group) =>
                group != null
                && (group.StartsWith(backupGroupPrefix, StringComparison.OrdinalIgnoreCase) || holding.Contains(group, StringComparer.OrdinalIgnoreCase));

            // A subscription lock is reported once for every group that inherits it; name it once.
            var blocking = locks
                .Select(l => (Lock: l, Scope: AzureResourceId.TryParse(l.Scope, out var scope, out _) ? scope : null))
                .Where(l => l.Lock.Inherited || l.Scope?.IsSubscription == true || HoldsOrWouldHold(l.Lock.ResourceGroupName ?? l.Scope?.ResourceGroupName))
                .GroupBy(l => l.Lock.Scope + "|" + l.Lock.Name, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.First())
                .ToList();
            if (blocking.Count > 0)
            {
                return RuleOutcome.Fail(EvidenceText.Sentence(blocking.Select(l => Describe(l.Lock, l.Scope))));
            }

            var groups = holding.Select(g => "resource group " + g).Concat([$"any {backupGroupPrefix}* resource group"]);
            var groupsHans = holding.Select(g => "资源组 " + g).Concat([$"任何 {backupGroupPrefix}* 资源组"]);
            var groupsHant = holding.Select(g => "資源群組 " + g).Concat([$"任何 {backupGroupPrefix}* 資源群組"]);
            return RuleOutcome.Pass(
                $"No lock on {string.Join(", ", groups)}, and none inherited from the subscription.",
                $"{string.Join("、", groupsHans)} 上都没有锁，也没有从订阅继承的锁。",
                $"{string.Join("、", groupsHant)} 上都沒有鎖定，也沒有從訂用帳戶繼承的鎖定。");
        }

        private static LocalizedText Describe(LockEvidence l, AzureResourceId? scope)
        {
            var where = scope?.IsSubscription == true || l.Inherited
                ? new LocalizedText(
                    $"subscription {scope?.SubscriptionId ?? l.Scope}, inherited by every resource group",
                    $"订阅 {scope?.SubscriptionId ?? l.Scope} 上（每个资源组都会继承）",
                    $"訂用帳戶 {scope?.SubscriptionId ?? l.Scope} 上（每個資源群組都會繼承）")
                : scope?.IsResourceGroup == true
                    ? new LocalizedText($"resource group {scope.ResourceGroupName}", $"资源组 {scope.ResourceGroupName} 上", $"資源群組 {scope.ResourceGroupName} 上")
                    : new LocalizedText($"resource {l.Scope}", $"资源 {l.Scope} 上", $"資源 {l.Scope} 上");
            return new LocalizedText(
                $"lock '{l.Name}' ({l.Level}) on {where.English}",
                $"{where.SimplifiedChinese}有锁“{l.Name}”（{l.Level}）",
                $"{where.TraditionalChinese}有鎖定「{l.Name}」（{l.Level}）");
        }
    }
}
