using System;
using AzBackupTroubleshoot.Identifiers;

namespace AzBackupTroubleshoot.Engine.Diagnosis
{
    /// <summary>Where failed jobs are looked for: one Recovery Services vault, one VM (in the vault that protects it), or every vault of a subscription.</summary>
    public sealed class FailedJobScope
    {
        private FailedJobScope(AzureResourceId id)
        {
            Id = id;
        }

        public string ResourceId => Id.Id;

        internal AzureResourceId Id { get; }

        internal bool IsVault => Id.IsRecoveryServicesVault;

        internal bool IsVirtualMachine => Id.IsVirtualMachine;

        internal bool IsSubscription => !IsVault && !IsVirtualMachine;

        /// <summary>A subscription id (/subscriptions/{id}), a vault id or a VM id.</summary>
        /// <exception cref="ArgumentException">The id is none of these.</exception>
        public static FailedJobScope Of(string resourceId)
        {
            if (!AzureResourceId.TryParse(resourceId, out var id, out var problem))
            {
                throw new ArgumentException(problem, nameof(resourceId));
            }

            var isSubscription = id!.ResourceGroupName == null && id.Provider == null;
            if (!isSubscription && !(id.Segments.Count == 1 && (id.IsRecoveryServicesVault || id.IsVirtualMachine)))
            {
                throw new ArgumentException(
                    $"'{resourceId}' is neither a subscription, a Recovery Services vault nor a virtual machine; failed jobs are read for one of these.",
                    nameof(resourceId));
            }

            return new FailedJobScope(id);
        }

        public override string ToString() => ResourceId;
    }
}
