using System;
using System.Globalization;

namespace AzBackupTroubleshoot.FakeArm.Server;

/// <summary>The command line: a scenario name or a fleet size, and the two files to write once listening.</summary>
internal sealed record ServerArguments(string? Scenario, int? FleetSize, string PortFile, string CertificateFile)
{
    public static ServerArguments Parse(string[] args)
    {
        string? scenario = null, fleet = null, portFile = null, certificateFile = null;
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--scenario": scenario = value; break;
                case "--fleet": fleet = value; break;
                case "--port-file": portFile = value; break;
                case "--certificate-file": certificateFile = value; break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        if ((scenario == null) == (fleet == null))
        {
            throw new ArgumentException("Give either --scenario or --fleet.");
        }

        return new ServerArguments(
            scenario,
            fleet == null ? null : int.Parse(fleet, NumberStyles.None, CultureInfo.InvariantCulture),
            portFile ?? throw new ArgumentException("--port-file is required."),
            certificateFile ?? throw new ArgumentException("--certificate-file is required."));
    }
}
