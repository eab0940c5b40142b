using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Rules;
using static AzBackupTroubleshoot.Core.Tests.Rules.TestEvidence;

namespace AzBackupTroubleshoot.Core.Tests.Rules.Checks
{
    public class AgentRulesTests
    {
        public static TheoryData<string> AgentRuleIds() => new("Agent.Installed", "Agent.Ready", "Agent.WindowsVersion");

        [Theory]
        [MemberData(nameof(AgentRuleIds))]
        public void Agent_rules_do_not_apply_while_the_VM_is_not_running_and_say_why(string ruleId)
        {
            var outcome = Judge(ruleId, Healthy() with { PowerState = "deallocated", Agent = null });

            Assert.Equal(
                EnglishOutcome.NotApplicable("The VM is deallocated; the VM agent reports only while the VM runs, so it cannot be judged now."),
                outcome);
        }

        [Theory]
        [MemberData(nameof(AgentRuleIds))]
        public void Agent_rules_are_unknown_without_a_power_state(string ruleId)
        {
            Assert.Equal(RuleResult.Unknown, Judge(ruleId, Healthy() with { PowerState = null }).Result);
        }

        [Fact]
        public void Agent_Installed_passes_when_the_agent_reports()
        {
            Assert.Equal(EnglishOutcome.Pass("VM agent 2.7.41491.1102 reports from the guest."), Judge("Agent.Installed", Healthy()));
        }

        [Fact]
        public void Agent_Installed_fails_when_the_instance_view_has_no_agent()
        {
            var outcome = Judge("Agent.Installed", Healthy() with { Agent = null });

            Assert.Equal(EnglishOutcome.Fail("The running VM's instance view has no vmAgent section: no VM agent reports from the guest."), outcome);
        }

        [Fact]
        public void Agent_Installed_fails_when_the_model_does_not_provision_the_agent()
        {
            var outcome = Judge("Agent.Installed", Healthy() with { ProvisionVmAgent = false });

            Assert.Equal(EnglishOutcome.Fail("The VM model says provisionVMAgent false, although the instance view has a vmAgent section (version '2.7.41491.1102')."), outcome);
        }

        [Fact]
        public void Agent_Installed_is_unknown_when_the_agent_section_has_no_version()
        {
            var outcome = Judge("Agent.Installed", Healthy() with { Agent = Agent("Unknown", "Not Ready", "VM Agent is unresponsive.") });

            Assert.Equal(
                EnglishOutcome.Unknown("The instance view's vmAgent section has no agent version ('Unknown'): the agent is either not installed or not responding."),
                outcome);
        }

        [Fact]
        public void Agent_Installed_names_both_facts_when_neither_holds()
        {
            var outcome = Judge("Agent.Installed", Healthy() with { Agent = null, ProvisionVmAgent = false });

            Assert.Equal(RuleResult.Fail, outcome.Result);
            Assert.EndsWith("and the VM model says provisionVMAgent false.", outcome.Evidence);
        }

        [Fact]
        public void Agent_Ready_passes_when_the_agent_reports_Ready()
        {
            Assert.Equal(
                EnglishOutcome.Pass("VM agent 2.7.41491.1102 reports Ready, reported 2025-03-01 11:58:00 UTC."),
                Judge("Agent.Ready", Healthy()));
        }

        [Fact]
        public void Agent_Ready_fails_with_the_agents_own_status_and_message()
        {
            var evidence = Healthy() with { Agent = Agent("2.7.41491.1102", "Not Ready", "VM Agent is unresponsive.") };

            var outcome = Judge("Agent.Ready", evidence);

            Assert.Equal(EnglishOutcome.Fail("VM agent status is 'Not Ready' (VM Agent is unresponsive.), reported 2025-03-01 11:58:00 UTC."), outcome);
        }

        [Fact]
        public void Agent_Ready_fails_when_the_agent_reports_no_status()
        {
            var evidence = Healthy() with { Agent = new VmAgentEvidence { Version = "2.7.41491.1102" } };

            Assert.Equal(EnglishOutcome.Fail("VM agent 2.7.41491.1102 reports no status."), Judge("Agent.Ready", evidence));
        }

        [Fact]
        public void Agent_Ready_fails_when_no_agent_reports()
        {
            Assert.Equal(RuleResult.Fail, Judge("Agent.Ready", Healthy() with { Agent = null }).Result);
        }

        [Theory]
        [InlineData("2.7.41491.1010", RuleResult.Pass)]
        [InlineData("2.7.41491.1102", RuleResult.Pass)]
        [InlineData("2.10.0.1", RuleResult.Pass)] // 10 > 7 numerically, though "1" < "7" as text
        [InlineData("2.7.41491.949", RuleResult.Warning)]
        [InlineData("2.7.41491.999", RuleResult.Warning)] // 999 < 1010 numerically, though "9" > "1" as text
        [InlineData("2.6.1198.718", RuleResult.Warning)]
        [InlineData("2.6.1198.717", RuleResult.Fail)]
        [InlineData("2.5", RuleResult.Fail)]
        public void Agent_WindowsVersion_compares_versions_numerically(string version, RuleResult expected)
        {
            Assert.Equal(expected, Judge("Agent.WindowsVersion", Healthy() with { Agent = Agent(version) }).Result);
        }

        [Fact]
        public void Agent_WindowsVersion_names_both_thresholds_in_a_warning()
        {
            var outcome = Judge("Agent.WindowsVersion", Healthy() with { Agent = Agent("2.7.41491.949") });

            Assert.Equal(
                "Windows VM agent version 2.7.41491.949 is older than 2.7.41491.1010, the minimum Azure currently supports for agents and extensions (KB 4049215); "
                + "it meets 2.6.1198.718, the minimum Azure Backup needs (backup troubleshooting guide).",
                outcome.Evidence);
        }

        [Fact]
        public void Agent_WindowsVersion_names_the_backup_minimum_in_a_failure()
        {
            var outcome = Judge("Agent.WindowsVersion", Healthy() with { Agent = Agent("2.6.0.0") });

            Assert.Equal(EnglishOutcome.Fail("Windows VM agent version 2.6.0.0 is older than 2.6.1198.718, the minimum Azure Backup needs (backup troubleshooting guide)."), outcome);
        }

        [Fact]
        public void Agent_WindowsVersion_does_not_apply_to_Linux()
        {
            Assert.Equal(EnglishOutcome.NotApplicable("The VM runs Linux; this check is for the Windows agent."), Judge("Agent.WindowsVersion", Linux()));
        }

        [Fact]
        public void Agent_WindowsVersion_does_not_apply_to_Linux_even_when_the_VM_is_stopped()
        {
            var outcome = Judge("Agent.WindowsVersion", Linux() with { PowerState = "stopped" });

            Assert.Contains("runs Linux", outcome.Evidence);
        }

        [Fact]
        public void Agent_WindowsVersion_is_unknown_for_a_version_that_is_not_a_number()
        {
            var outcome = Judge("Agent.WindowsVersion", Healthy() with { Agent = Agent("Unknown", "Not Ready") });

            Assert.Equal(EnglishOutcome.Unknown("The Windows VM agent reports version 'Unknown', which is not a version number."), outcome);
        }

        [Fact]
        public void Agent_version_rules_are_unknown_without_an_OS_type()
        {
            Assert.Equal(RuleResult.Unknown, Judge("Agent.WindowsVersion", Healthy() with { OsType = null }).Result);
            Assert.Equal(RuleResult.Unknown, Judge("Agent.LinuxVersion", Healthy() with { OsType = null }).Result);
        }

        [Fact]
        public void Agent_version_rules_leave_a_missing_agent_to_Agent_Installed()
        {
            Assert.Equal(RuleResult.NotApplicable, Judge("Agent.WindowsVersion", Healthy() with { Agent = null }).Result);
        }

        [Theory]
        [InlineData("2.2.53.1", RuleResult.Pass)]
        [InlineData("2.9.1.1", RuleResult.Pass)]
        [InlineData("2.10.0.8", RuleResult.Pass)]
        [InlineData("2.2.53", RuleResult.Fail)] // 2.2.53.0 < 2.2.53.1
        [InlineData("2.2.45", RuleResult.Fail)]
        [InlineData("2.2.9", RuleResult.Fail)] // 9 < 53 numerically, though "9" > "5" as text
        public void Agent_LinuxVersion_requires_the_supported_minimum_2_2_53_1(string version, RuleResult expected)
        {
            Assert.Equal(expected, Judge("Agent.LinuxVersion", Linux() with { Agent = Agent(version) }).Result);
        }

        [Fact]
        public void Agent_LinuxVersion_states_its_threshold_and_source()
        {
            var outcome = Judge("Agent.LinuxVersion", Linux() with { Agent = Agent("2.2.45") });

            Assert.StartsWith("Linux VM agent version 2.2.45 is older than 2.2.53.1, the minimum Azure supports for the Linux agent (WALinuxAgent)", outcome.Evidence);
            Assert.Contains("KB 4049215", outcome.Evidence);
        }

        [Fact]
        public void Agent_LinuxVersion_does_not_apply_to_Windows()
        {
            Assert.Equal(RuleResult.NotApplicable, Judge("Agent.LinuxVersion", Healthy()).Result);
        }
    }
}
