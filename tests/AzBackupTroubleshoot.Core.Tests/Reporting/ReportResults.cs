using System.Collections.Generic;
using System.IO;
using System.Linq;
using AzBackupTroubleshoot.Core.Tests.Rules;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;
using AzBackupTroubleshoot.Reporting;
using AzBackupTroubleshoot.Rules;
using static AzBackupTroubleshoot.Core.Tests.Rules.TestEvidence;

namespace AzBackupTroubleshoot.Core.Tests.Reporting
{
    /// <summary>Results of two VMs as the evaluator makes them: vm-app with every kind of result, vm-db ready.</summary>
    internal static class ReportResults
    {
        public const string DbVmId = "/subscriptions/" + SubscriptionId + "/resourceGroups/rg-data/providers/Microsoft.Compute/virtualMachines/vm-db";

        public static IReadOnlyList<ReadinessResult> TwoVms(SupportedCulture culture = SupportedCulture.English)
        {
            var evaluator = new ReadinessEvaluator(RuleCatalog.Default, TestKnowledge.Create(), culture);
            var troubled = Healthy() with
            {
                Extensions = [new ExtensionEvidence { Name = "VMSnapshot", Type = "VMSnapshot", ProvisioningState = "Deleting" }],
                RestorePointCollections = [Collection("AzureBackupRG_eastus_1", 17)],
                Gaps = [new EvidenceGap(EvidencePart.Policy, "AuthorizationFailed", 403)],
            };
            var ready = Healthy() with
            {
                Vm = new VmIdentity(DbVmId, SubscriptionId, "rg-data", "vm-db"),
                RestorePointCollections = [Collection("AzureBackupRG_eastus_1", 2, DbVmId)],
            };
            return [.. evaluator.Evaluate(troubled), .. evaluator.Evaluate(ready)];
        }

        public static ReadinessResult Single(string ruleId) => TwoVms().First(r => r.RuleId == ruleId);

        public static string Write(IReadinessReportWriter writer, IEnumerable<ReadinessResult> results)
        {
            using var text = new StringWriter();
            writer.Write(results, text);
            return text.ToString();
        }
    }
}
