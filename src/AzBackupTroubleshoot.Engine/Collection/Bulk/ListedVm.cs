using Azure.ResourceManager.Compute;
using AzBackupTroubleshoot.Evidence;

namespace AzBackupTroubleshoot.Engine.Collection.Bulk
{
    /// <summary>
    /// A VM as the lists gave it: its statuses from the statusOnly list, and its model from the model list when the
    /// scan judges it from the list (a stopped or deallocated VM); otherwise the VM is read with its instance view.
    /// A <paramref name="Named"/> VM was given by the caller, not listed: if ARM does not know it, that is evidence (the
    /// VM is gone) rather than a problem.
    /// </summary>
    internal sealed record ListedVm(VmIdentity Vm, VirtualMachineData? Statuses, VirtualMachineData? ListModel, bool Named = false);
}
