namespace AzBackupTroubleshoot.Engine.Rest
{
    /// <summary>The envelope every ARM resource shares, with a typed properties bag.</summary>
    public sealed class ArmResource<TProperties>
        where TProperties : class
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public string? Type { get; set; }

        public string? Location { get; set; }

        public TProperties? Properties { get; set; }
    }
}
