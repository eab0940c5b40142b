using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using AzBackupTroubleshoot.Core.Tests.Rules;
using AzBackupTroubleshoot.Core.Tests.Scripting;
using AzBackupTroubleshoot.Diagnosis;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Core.Tests.Diagnosis
{
    /// <summary>A diagnosis made with the VM's evidence at hand names the group, lock and Key Vault its remedies act on.</summary>
    public class RemedyFillingTests
    {
        private const string Group = "AzureBackupRG_eastus_1";
        private const string KeyVaultId = "/subscriptions/" + TestEvidence.SubscriptionId + "/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-app";
        private static readonly string LockId = TestEvidence.GroupLock("backup-rg-do-not-delete", Group).ResourceId;

        /// <summary>Everything the evidence model can name: one collection, one lock on its group, one Key Vault, a protecting vault.</summary>
        private static VmEvidence Full() => TestEvidence.Healthy() with
        {
            RestorePointCollections = [TestEvidence.Collection(Group, 18)],
            Locks = [TestEvidence.GroupLock("backup-rg-do-not-delete", Group)],
            Encryption = new EncryptionEvidence { IsEncrypted = true, KeyVaultIds = [KeyVaultId] },
        };

        private static JobEvidence FailedJob(string code) => TestEvidence.Job("job-9", "Backup", "Failed", TestEvidence.Now) with
        {
            VmId = TestEvidence.VmId,
            BackupManagementType = "AzureIaasVM",
            Errors = [new JobError(code, "The restore point collection limit was reached.", [])],
        };

        private static BackupFailureDiagnosis Diagnose(string code, VmEvidence? vm, SupportedCulture culture = SupportedCulture.English) =>
            new FailureDiagnoser(KnowledgeBase.Default, culture, evidenceFor: _ => vm).DiagnoseJobs([FailedJob(code)]).Single();

        /// <summary>Every {Name} and &lt;Name&gt; written anywhere in the knowledge base's XML, as the files hold them.</summary>
        private static IEnumerable<string> EveryPlaceholderInTheKnowledgeBase()
        {
            var assembly = typeof(KnowledgeBase).Assembly;
            return assembly.GetManifestResourceNames()
                .Where(n => n.EndsWith(".xml", System.StringComparison.Ordinal))
                .Select(n =>
                {
                    using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                    return XDocument.Parse(reader.ReadToEnd());
                })
                .SelectMany(d => d.Descendants().SelectMany(e => e.Nodes().OfType<XText>().Select(t => t.Value).Concat(e.Attributes().Select(a => a.Value))))
                .SelectMany(CommandPlaceholders.Remaining)
                .Distinct();
        }

        [Fact]
        public void Every_placeholder_in_the_knowledge_base_is_filled_from_evidence_or_listed_as_the_users()
        {
            var placeholders = EveryPlaceholderInTheKnowledgeBase().ToList();
            var filler = CommandPlaceholders.From(FailedJob("x"), Full());

            Assert.Contains("<LockId>", placeholders);
            Assert.Contains("AzureBackupRG_<Geo>_<number>", placeholders);
            Assert.All(placeholders, p => Assert.True(
                CommandPlaceholders.UserSupplied.Contains(p)
                || (p.StartsWith('{') && filler.Fill($"Run '{p}'") != null)
                || (CommandPlaceholders.DocumentTokens.Any(t => t.Key == p) && filler.FillText(p) != p),
                $"{p} is neither filled from evidence nor listed in CommandPlaceholders.UserSupplied"));
        }

        [Fact]
        public void With_full_evidence_no_remedy_of_the_knowledge_base_holds_a_placeholder_the_evidence_could_fill()
        {
            var filler = CommandPlaceholders.From(FailedJob("x"), Full());
            var left = KnowledgeBase.Default.Entries.SelectMany(e => e.Remedies)
                .SelectMany(r => r.Scripts.Select(filler.FillScript).Select(s => s.Text)
                    .Concat([filler.FillText(r.Text.English), r.CommandTemplate == null ? string.Empty : filler.FillKnown(r.CommandTemplate)]))
                .SelectMany(CommandPlaceholders.Remaining)
                .Distinct()
                .ToList();

            Assert.All(left, p => Assert.Contains(p, CommandPlaceholders.UserSupplied));
        }

        [Theory]
        [InlineData(SupportedCulture.English)]
        [InlineData(SupportedCulture.SimplifiedChinese)]
        [InlineData(SupportedCulture.TraditionalChinese)]
        public void A_live_diagnosis_of_a_full_locked_collection_names_the_group_and_the_lock(SupportedCulture culture)
        {
            var d = Diagnose("UserErrorRpCollectionLimitReached", Full(), culture);

            var unlock = d.Remedies.First(r => r.Scripts.Any(s => s.Text.Contains("Remove-AzResourceLock")));
            var script = unlock.Scripts.Single().Text;
            Assert.Contains($"-ResourceGroupName '{Group}'", script);
            Assert.Contains($"-LockId '{LockId}'", script);
            Assert.Contains(Group, unlock.Text);
            Assert.False(unlock.HasPlaceholders);
            Assert.Null(unlock.Note);
            Assert.All(d.Remedies, r => Assert.Empty(r.Placeholders));
            Assert.All(d.Remedies.SelectMany(r => r.Scripts.Select(s => s.Text).Append(r.Command ?? string.Empty).Append(r.Text)), t => Assert.DoesNotContain("<", t));
            Assert.Contains(d.Remedies, r => r.Command == $"Clear-AzRestorePointCollection -ResourceId '{TestEvidence.VmId}' -RemoveLock");
        }

        [Fact]
        public void Without_evidence_the_step_says_what_is_still_to_fill_in()
        {
            var d = Diagnose("UserErrorRpCollectionLimitReached", null);

            var unlock = d.Remedies.First(r => r.Scripts.Any(s => s.Text.Contains("Remove-AzResourceLock")));
            Assert.True(unlock.HasPlaceholders);
            Assert.Equal(["AzureBackupRG_<Geo>_<number>", "<LockId>"], unlock.Placeholders);
            Assert.StartsWith("Not ready to run as shown: fill in AzureBackupRG_<Geo>_<number>, <LockId> first", unlock.Note);
        }

        [Fact]
        public void Two_locks_on_the_group_leave_the_lock_to_the_user_and_a_subscription_lock_is_never_offered()
        {
            var twoLocks = Full() with { Locks = [TestEvidence.GroupLock("a", Group), TestEvidence.GroupLock("b", Group)] };
            var inherited = Full() with
            {
                Locks = [TestEvidence.GroupLock("sub-lock", Group) with { Scope = "/subscriptions/" + TestEvidence.SubscriptionId, Inherited = true }],
            };

            foreach (var vm in new[] { twoLocks, inherited })
            {
                var unlock = Diagnose("UserErrorRpCollectionLimitReached", vm).Remedies.First(r => r.Scripts.Any(s => s.Text.Contains("Remove-AzResourceLock")));
                Assert.Equal(["<LockId>"], unlock.Placeholders);
                Assert.Contains($"-ResourceGroupName '{Group}'", unlock.Scripts.Single().Text);
                Assert.Contains("<LockId>", unlock.Note);
            }
        }

        [Fact]
        public void A_single_key_vault_fills_the_access_policy_commands()
        {
            var scripts = Diagnose("UserErrorKeyvaultPermissionsNotConfigured", Full()).Remedies.SelectMany(r => r.Scripts).Where(s => s.Text.Contains("Set-AzKeyVaultAccessPolicy")).ToList();

            Assert.NotEmpty(scripts);
            Assert.All(scripts, s => Assert.Contains("-VaultName 'kv-app' -ResourceGroupName 'rg-keys'", s.Text));
        }

        [Theory]
        [MemberData(nameof(HostileValues.Theory), MemberType = typeof(HostileValues))]
        public void A_hostile_lock_name_fills_the_script_as_a_literal_string_only(string name)
        {
            var vm = Full() with { Locks = [TestEvidence.GroupLock(name, Group)] };
            var template = new RemedyScript("powershell", "Remove-AzResourceLock -LockId '<LockId>' -Force");

            var filled = CommandPlaceholders.From(FailedJob("x"), vm).FillScript(template).Text;

            var (code, values) = SingleQuotedReading.Read(filled);
            Assert.Equal(SingleQuotedReading.Read(template.Text).Code, code);
            Assert.Equal([TestEvidence.GroupLock(name, Group).ResourceId], values);
        }
    }
}
