using System.Collections.Generic;
using System.Text.Json;

namespace AzBackupTroubleshoot.Engine.Collection
{
    /// <summary>
    /// What we read of a restore point collection, read as plain JSON rather than through the Compute SDK, whose model
    /// throws on an empty source.id and so would fail a whole list for one collection without a source.
    /// </summary>
    internal sealed class RestorePointCollectionProperties
    {
        /// <summary>The VM the collection was made from; its id may be missing or empty.</summary>
        public ResourceReference? Source { get; set; }

        /// <summary>The restore points, with $expand=restorePoints; only counted.</summary>
        public List<JsonElement>? RestorePoints { get; set; }

        /// <summary>The source VM's resource id; null when the collection names none (no source, or an empty id).</summary>
        public static string? SourceVmIdOf(RestorePointCollectionProperties? properties) =>
            string.IsNullOrEmpty(properties?.Source?.Id) ? null : properties!.Source!.Id;

        /// <summary>A reference to another resource by id.</summary>
        internal sealed class ResourceReference
        {
            public string? Id { get; set; }
        }
    }
}
