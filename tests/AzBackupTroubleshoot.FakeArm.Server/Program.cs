using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading.Tasks;
using AzBackupTroubleshoot.FakeArm;

namespace AzBackupTroubleshoot.FakeArm.Server;

/// <summary>
/// Serves one scenario or a generated fleet until standard input closes or SIGTERM arrives. Once listening it writes
/// the port and the server certificate (PEM) to the files named, then prints "listening &lt;endpoint&gt;". Each line read
/// from standard input is a command answered with one line: "requests" (the request log as a JSON array), "clear" (forget
/// the requests) or "vm-under-test" (the world's VM under test, its resource id).
/// </summary>
public static class Program
{
    private const string Usage = "usage: AzBackupTroubleshoot.FakeArm.Server (--scenario <name> | --fleet <vm count>) --port-file <path> --certificate-file <path>";

    public static async Task<int> Main(string[] args)
    {
        ServerArguments arguments;
        ArmWorld world;
        try
        {
            arguments = ServerArguments.Parse(args);
            world = arguments.FleetSize is { } size ? Fleet.Create(size) : Scenarios.Load(arguments.Scenario!);
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException or FormatException)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + Usage).ConfigureAwait(false);
            return 2;
        }

        await using var server = await FakeArmServer.StartAsync(world).ConfigureAwait(false);
        WriteWhole(arguments.CertificateFile, server.Certificate.ExportCertificatePem());
        WriteWhole(arguments.PortFile, server.Endpoint.Port.ToString(CultureInfo.InvariantCulture));

        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stopped.TrySetResult();
        });
        Console.Out.WriteLine("listening " + server.Endpoint);
        Console.Out.Flush();
        _ = Task.Run(() =>
        {
            AnswerCommands(server);
            stopped.TrySetResult();
        });
        await stopped.Task.ConfigureAwait(false);
        return 0;
    }

    private static void AnswerCommands(FakeArmServer server)
    {
        while (Console.In.ReadLine() is { } command)
        {
            switch (command.Trim())
            {
                case "requests":
                    Console.Out.WriteLine(JsonSerializer.Serialize(server.Requests.All.Select(r => new
                    {
                        method = r.Method,
                        path = r.Path,
                        query = r.Query,
                        body = r.Body,
                        status = r.Status,
                        errorCode = r.ErrorCode,
                    })));
                    break;
                case "vm-under-test":
                    Console.Out.WriteLine(server.World.VmUnderTest ?? string.Empty);
                    break;
                case "clear":
                    server.Requests.Clear();
                    Console.Out.WriteLine("cleared");
                    break;
                default:
                    Console.Out.WriteLine("unknown command: " + command);
                    break;
            }

            Console.Out.Flush();
        }
    }

    // Whoever watches for the file sees it complete or not at all.
    private static void WriteWhole(string path, string text)
    {
        var partial = path + ".partial";
        File.WriteAllText(partial, text);
        File.Move(partial, path, overwrite: true);
    }
}
