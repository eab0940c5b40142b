using System.Collections.Generic;
using System.Linq;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Remediation
{
    /// <summary>
    /// What cleaning a VM's restore points will touch, in order: the locks to lift, the collections to delete (or
    /// the on-demand backup to trigger), then the same locks put back. Shown by -WhatIf, run by the executor.
    /// </summary>
    public sealed class RestorePointCleanupPlan
    {
        internal RestorePointCleanupPlan(VmIdentity vm, CleanupMethod method, IReadOnlyList<RestorePointCollectionEvidence> collections, IReadOnlyList<LockEvidence> locks, bool locksMayBeRemoved, bool subscriptionLocksMayBeRemoved)
        {
            Vm = vm;
            Method = method;
            Collections = collections;
            Locks = locks;
            LocksMayBeRemoved = locksMayBeRemoved;
            SubscriptionLocksMayBeRemoved = subscriptionLocksMayBeRemoved;
        }

        public VmIdentity Vm { get; }
        public CleanupMethod Method { get; }

        /// <summary>Collections whose source is this VM, in AzureBackupRG_&lt;location&gt;_&lt;n&gt; groups only.</summary>
        public IReadOnlyList<RestorePointCollectionEvidence> Collections { get; }

        /// <summary>Locks that stop the cleanup: on those groups, on the collections, or inherited from the subscription.</summary>
        public IReadOnlyList<LockEvidence> Locks { get; }

        /// <summary>The caller allowed lifting the locks (-RemoveLock).</summary>
        public bool LocksMayBeRemoved { get; }

        /// <summary>The caller also allowed lifting locks set on the whole subscription (-IncludeSubscriptionLock).</summary>
        public bool SubscriptionLocksMayBeRemoved { get; }

        /// <summary>The locks that sit on the subscription: lifting one unprotects every resource in it.</summary>
        public IReadOnlyList<LockEvidence> SubscriptionLocks => Locks.Where(l => l.IsOnSubscription).ToList();

        /// <summary>Locks stand in the way and may not be lifted.</summary>
        public bool IsBlocked => Locks.Count > 0 && !LocksMayBeRemoved;

        /// <summary>Lock removal is allowed, but a subscription lock is in the way and was not named as allowed too.</summary>
        public bool RefusesSubscriptionLocks => LocksMayBeRemoved && !SubscriptionLocksMayBeRemoved && SubscriptionLocks.Count > 0;

        /// <summary>Nothing to do: no collection to delete (an on-demand backup always has something to do).</summary>
        public bool IsEmpty => Method == CleanupMethod.DeleteCollection && Collections.Count == 0;

        /// <summary>The steps in the order they run, for -WhatIf and logs.</summary>
        public IReadOnlyList<string> Steps
        {
            get
            {
                var steps = new List<string>();
                foreach (var l in Locks)
                {
                    steps.Add($"Record and remove lock '{l.Name}' ({l.Level}) on {l.Scope}");
                }

                if (Method == CleanupMethod.DeleteCollection)
                {
                    foreach (var c in Collections)
                    {
                        var count = c.RestorePointCount.HasValue ? $"{c.RestorePointCount} restore points" : "restore point count unknown";
                        steps.Add($"Delete restore point collection '{c.Name}' in {c.ResourceGroupName} ({count}) and wait for it to finish");
                    }
                }
                else
                {
                    steps.Add($"Trigger an on-demand backup of {Vm.Name}; the service cleans up the collection within hours");
                }

                foreach (var l in Locks)
                {
                    steps.Add($"Re-create lock '{l.Name}' ({l.Level}) on {l.Scope} exactly as recorded");
                }

                return steps;
            }
        }
    }
}
