namespace AzBackupTroubleshoot.Engine.Directory
{
    /// <summary>A directory object as Microsoft Graph lists it; only its object id is read.</summary>
    internal sealed class GraphObject
    {
        public string? Id { get; set; }
    }
}
