using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Rules.Checks
{
    /// <summary>
    /// A guest agent version check for one OS: below <c>failBelow</c> backup fails; below the optional
    /// <c>warnBelow</c> backup works but the agent is out of Azure's support.
    /// </summary>
    internal abstract class AgentVersionRule : AgentRule
    {
        private readonly string _osType;
        private readonly AgentVersionThreshold _failBelow;
        private readonly AgentVersionThreshold? _warnBelow;

        protected AgentVersionRule(
            string id,
            LocalizedText title,
            string[] guards,
            string osType,
            AgentVersionThreshold failBelow,
            AgentVersionThreshold? warnBelow)
            : base(id, title, guards, EvidencePart.Vm, EvidencePart.InstanceView)
        {
            _osType = osType;
            _failBelow = failBelow;
            _warnBelow = warnBelow;
        }

        protected override RuleOutcome? Excludes(VmEvidence evidence)
        {
            if (evidence.OsType == null)
            {
                return RuleOutcome.Unknown($"The VM model reports no OS type, so it is not known whether the {_osType} agent applies.");
            }

            return EvidenceText.Is(evidence.OsType, _osType)
                ? null
                : RuleOutcome.NotApplicable($"The VM runs {evidence.OsType}; this check is for the {_osType} agent.");
        }

        protected override RuleOutcome JudgeRunning(VmEvidence evidence)
        {
            if (evidence.Agent == null)
            {
                return RuleOutcome.NotApplicable("No VM agent reports, so there is no version to judge (Agent.Installed covers this).");
            }

            var reported = evidence.Agent.Version;

            if (!AgentVersion.TryParse(reported, out var version))
            {
                return RuleOutcome.Unknown($"The {_osType} VM agent reports version '{reported}', which is not a version number.");
            }

            if (version < _failBelow.Minimum)
            {
                return RuleOutcome.Fail($"{_osType} VM agent version {reported} is older than {_failBelow.Minimum}, {_failBelow.RequiredBy}.");
            }

            if (_warnBelow != null && version < _warnBelow.Minimum)
            {
                return RuleOutcome.Warning(
                    $"{_osType} VM agent version {reported} is older than {_warnBelow.Minimum}, {_warnBelow.RequiredBy}; "
                    + $"it meets {_failBelow.Minimum}, {_failBelow.RequiredBy}.");
            }

            var highest = _warnBelow ?? _failBelow;
            return RuleOutcome.Pass($"{_osType} VM agent version {reported} is at least {highest.Minimum}, {highest.RequiredBy}.");
        }
    }
}
