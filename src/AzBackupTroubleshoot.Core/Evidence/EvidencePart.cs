namespace AzBackupTroubleshoot.Evidence
{
    /// <summary>The separately collected parts of a VM's evidence.</summary>
    public enum EvidencePart
    {
        Vm,
        InstanceView,
        Extensions,
        Disks,
        Encryption,
        RestorePoints,
        Locks,
        Protection,
        Jobs,
        Policy,

        /// <summary>The vault (and policy) named to protect the VM, for the pre-enable checks.</summary>
        TargetVault,

        /// <summary>The backup service's own pre-validation of protecting the VM in that vault.</summary>
        PreValidation,
    }
}
