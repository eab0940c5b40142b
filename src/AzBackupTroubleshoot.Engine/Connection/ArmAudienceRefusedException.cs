using System;

namespace AzBackupTroubleshoot.Engine.Connection
{
    /// <summary>A custom Resource Manager endpoint asked for a token audience that is not a management audience; no token was requested.</summary>
    public sealed class ArmAudienceRefusedException(string message) : Exception(message);
}
