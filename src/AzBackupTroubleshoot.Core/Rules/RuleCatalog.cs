using System;
using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Rules.Checks;

namespace AzBackupTroubleshoot.Rules
{
    /// <summary>
    /// The readiness rules with lookup by id: the one list of them. Their order is the order of every report;
    /// docs/knowledge-base.md's rule table is generated from it, and the knowledge base's checks bindings are tested
    /// against it.
    /// </summary>
    public sealed class RuleCatalog
    {
        private readonly Dictionary<string, IReadinessRule> _byId;

        public RuleCatalog(IEnumerable<IReadinessRule> rules)
        {
            Rules = rules.ToList();
            _byId = new Dictionary<string, IReadinessRule>(StringComparer.OrdinalIgnoreCase);
            foreach (var rule in Rules)
            {
                if (_byId.ContainsKey(rule.Id))
                {
                    throw new ArgumentException($"Rule id {rule.Id} is used twice.", nameof(rules));
                }

                _byId.Add(rule.Id, rule);
            }
        }

        /// <summary>Every rule the module ships.</summary>
        public static RuleCatalog Default { get; } = new(
        [
            new VmExistsRule(),
            new VmProvisioningStateRule(),
            new VmPowerStateRule(),
            new OsSupportedRule(),
            new AgentInstalledRule(),
            new AgentReadyRule(),
            AgentVersionRule.ForWindows(),
            AgentVersionRule.ForLinux(),
            new ExtensionsProvisionedRule(),
            new BackupExtensionRule(),
            new DiskSizeRule(),
            new KeyVaultAccessRule(),
            new RestorePointGroupUnlockedRule(),
            new RestorePointLimitRule(),
            new JobNoneInProgressRule(),
            new JobDurationRule(),
            new ProtectionActiveRule(),
            new ProtectionStatusRule(),
            new PolicyNoDenyRule(),
            new VaultRegionRule(),
            new VaultNotProtectedElsewhereRule(),
            new VaultDiskTypesRule(),
            new VaultPolicyTypeRule(),
            new VaultPreValidationRule(),
            new SqlServerHintRule(),
            new SiteRecoveryHintRule(),
        ]);

        public IReadOnlyList<IReadinessRule> Rules { get; }

        /// <summary>The rule with this id (case-insensitive), or null.</summary>
        public IReadinessRule? Get(string id) => _byId.TryGetValue(id, out var rule) ? rule : null;
    }
}
