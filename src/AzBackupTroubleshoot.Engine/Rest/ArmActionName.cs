using System;
using System.Collections.Generic;
using System.Linq;

namespace AzBackupTroubleshoot.Engine.Rest
{
    /// <summary>
    /// The RBAC action a request needs, inferred from its method and path, for a 403 whose message names none.
    /// GET …/providers/Microsoft.Compute/virtualMachines/vm1 → Microsoft.Compute/virtualMachines/read;
    /// POST …/vaults/v/backupJobs/j/cancel → Microsoft.RecoveryServices/vaults/backupJobs/cancel/action.
    /// </summary>
    internal static class ArmActionName
    {
        public static string Infer(string method, string path)
        {
            var segments = path.Split(['/'], StringSplitOptions.RemoveEmptyEntries);
            var providers = Array.FindLastIndex(segments, s => string.Equals(s, "providers", StringComparison.OrdinalIgnoreCase));
            var verb = Verb(method);
            if (providers < 0 || providers + 1 >= segments.Length)
            {
                return "Microsoft.Resources/" + string.Join("/", TypeSegments(segments, 0)) + "/" + verb;
            }

            var ns = segments[providers + 1];
            var rest = segments.Skip(providers + 2).ToArray();
            var types = TypeSegments(rest, 0).ToList();
            if (string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase) && rest.Length % 2 == 1)
            {
                // The last segment is the action's name, not a type.
                types.RemoveAt(types.Count - 1);
                return $"{ns}/{string.Join("/", types)}/{rest[rest.Length - 1]}/action";
            }

            return $"{ns}/{string.Join("/", types)}/{verb}";
        }

        private static IEnumerable<string> TypeSegments(string[] segments, int start)
        {
            for (var i = start; i < segments.Length; i += 2)
            {
                yield return segments[i];
            }
        }

        private static string Verb(string method) => method.ToUpperInvariant() switch
        {
            "GET" or "HEAD" => "read",
            "DELETE" => "delete",
            "POST" => "action",
            _ => "write",
        };
    }
}
