namespace AzBackupTroubleshoot.Benchmarks;

/// <summary>One workload at one fleet size: what it sent, what ARM throttled, how long it took and how much heap it held.</summary>
internal sealed record WorkloadResult(
    string Workload,
    int Vms,
    int VmsJudged,
    int FailedVms,
    int Requests,
    int TooManyRequests,
    double WallSeconds,
    double FirstResultSeconds,
    double PeakManagedMb,
    double WorkloadManagedMb,
    string? Note)
{
    public double RequestsPerVm => Vms == 0 ? 0 : (double)Requests / Vms;
}
