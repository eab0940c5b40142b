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
    }
}
