using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AzBackupTroubleshoot.FakeArm.Http;

/// <summary>Microsoft.RecoveryServices: vaults, backup status, jobs, protected items, trigger backup, cancel job.</summary>
internal static class RecoveryServicesApi
{
    private const string Vault = "subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.RecoveryServices/vaults/{vault}";
    private const string Item = Vault + "/backupFabrics/{fabric}/protectionContainers/{container}/protectedItems/{item}";

    public static void Register(Router r)
    {
        r.Add("GET", "subscriptions/{sub}/providers/Microsoft.RecoveryServices/vaults", ListInSubscription);
        r.Add("GET", "subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.RecoveryServices/vaults", ListInResourceGroup);
        r.Add("GET", Vault, GetVault);
        r.Add("POST", "subscriptions/{sub}/providers/Microsoft.RecoveryServices/locations/{loc}/backupStatus", BackupStatus);
        r.Add("GET", Vault + "/backupJobs", ListJobs);
        r.Add("GET", Vault + "/backupJobs/{job}", GetJob);
        r.Add("POST", Vault + "/backupJobs/{job}/cancel", CancelJob);
        r.Add("GET", Vault + "/backupJobs/{job}/operationResults/{op}", JobOperationResult);
        r.Add("GET", Vault + "/backupProtectedItems", ListProtectedItems);
        r.Add("GET", Item, GetProtectedItem);
        r.Add("POST", Item + "/backup", TriggerBackup);
        r.Add("GET", Item + "/operationResults/{op}", ItemOperationResult);
        r.Add("GET", Item + "/operationsStatus/{op}", ItemOperationStatus);
    }

    // ---------------------------------------------------------------- vaults

    internal static JsonObject VaultJson(ArmRecoveryServicesVault v, bool full)
    {
        var props = new JsonObject { ["provisioningState"] = "Succeeded" };
        if (full)
        {
            props["privateEndpointStateForBackup"] = "None";
            props["privateEndpointStateForSiteRecovery"] = "None";
            props["publicNetworkAccess"] = "Enabled";
            props["redundancySettings"] = new JsonObject { ["standardTierStorageRedundancy"] = "GeoRedundant", ["crossRegionRestore"] = "Disabled" };
            props["securitySettings"] = new JsonObject
            {
                ["immutabilitySettings"] = new JsonObject { ["state"] = "Disabled" },
                ["softDeleteSettings"] = new JsonObject { ["softDeleteState"] = "Enabled", ["softDeleteRetentionPeriodInDays"] = 14, ["enhancedSecurityState"] = "Enabled" },
                ["multiUserAuthorization"] = "Disabled",
            };
            props["secureScore"] = "None";
            props["bcdrSecurityLevel"] = "Fair";
        }

        return new JsonObject
        {
            ["location"] = v.EffectiveLocation,
            ["name"] = v.Name,
            ["etag"] = "W/\"datetime'2026-02-10T08%3A15%3A30.123Z'\"",
            ["tags"] = new JsonObject(),
            ["properties"] = props,
            ["id"] = v.Id,
            ["type"] = "Microsoft.RecoveryServices/vaults",
            ["sku"] = new JsonObject { ["name"] = v.Sku },
        };
    }

    private static ArmResponse ListInSubscription(ArmRequest r)
    {
        if (Lookup.Subscription(r, out var sub) is { } err)
        {
            return err;
        }

        return ArmResponse.Ok(r.Page(sub.ResourceGroups.SelectMany(rg => rg.RecoveryServicesVaults), v => (JsonNode)VaultJson(v, full: false)));
    }

    private static ArmResponse ListInResourceGroup(ArmRequest r)
    {
        if (Lookup.ResourceGroup(r, out var rg) is { } err)
        {
            return err;
        }

        return ArmResponse.Ok(r.Page(rg.RecoveryServicesVaults, v => (JsonNode)VaultJson(v, full: false)));
    }

    private static ArmResponse? FindVault(ArmRequest r, out ArmRecoveryServicesVault vault)
    {
        vault = null!;
        if (Lookup.ResourceGroup(r, out var rg) is { } err)
        {
            return err;
        }

        var v = rg.FindRecoveryServicesVault(r["vault"]);
        vault = v!;
        return v is null ? ArmErrors.ResourceNotFound("Microsoft.RecoveryServices/vaults", r["vault"], r["rg"]) : null;
    }

    private static ArmResponse GetVault(ArmRequest r) => FindVault(r, out var v) ?? ArmResponse.Ok(VaultJson(v, full: true));

    // ---------------------------------------------------------------- backup status

    private static ArmResponse BackupStatus(ArmRequest r)
    {
        if (Lookup.Subscription(r, out var sub) is { } err)
        {
            return err;
        }

        string? resourceId;
        try
        {
            var body = string.IsNullOrWhiteSpace(r.Body) ? null : JsonNode.Parse(r.Body);
            resourceId = body?["resourceId"]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return ArmErrors.BadRequest("InvalidRequestContent", "The request content was invalid and could not be deserialized: " + e.Message);
        }

        if (string.IsNullOrEmpty(resourceId))
        {
            return ArmErrors.BadRequest("BMSUserErrorInvalidInput", "Input provided for the call is invalid: resourceId is required.");
        }

        var result = new JsonObject
        {
            ["protectionStatus"] = "NotProtected",
            ["vaultId"] = null,
            ["fabricName"] = null,
            ["containerName"] = null,
            ["protectedItemName"] = null,
            ["policyName"] = null,
            ["errorCode"] = null,
            ["errorMessage"] = null,
        };

        var found = sub.ResourceGroups.SelectMany(rg => rg.RecoveryServicesVaults)
            .Select(v => (Vault: v, Item: v.FindProtectedItemForVm(resourceId)))
            .FirstOrDefault(x => x.Item is not null);
        if (found.Item is { } item)
        {
            result["protectionStatus"] = "Protected";
            result["vaultId"] = found.Vault.Id.Replace("/vaults/", "/Vaults/", StringComparison.Ordinal);
            result["fabricName"] = "Azure";
            result["containerName"] = "iaasvmcontainer;" + item.ContainerName;
            result["protectedItemName"] = "vm;" + item.ContainerName;
            result["policyName"] = item.PolicyName;
            result["errorCode"] = "Success";
        }

        var over = r.World.BackupStatusOverrides.FirstOrDefault(o => ResourceIds.Same(o.ResourceId, resourceId));
        if (over is not null)
        {
            result["protectionStatus"] = over.ProtectionStatus;
            if (over.VaultId is not null)
            {
                result["vaultId"] = over.VaultId;
            }

            result["errorCode"] = over.ErrorCode;
            result["errorMessage"] = over.ErrorMessage;
        }

        return ArmResponse.Ok(result);
    }

    // ---------------------------------------------------------------- jobs

    private static string JobId(ArmRecoveryServicesVault v, ArmBackupJob j) =>
        "/Subscriptions/" + v.ResourceGroup?.Subscription?.SubscriptionId + "/resourceGroups/" + v.ResourceGroup?.Name
        + "/providers/Microsoft.RecoveryServices/vaults/" + v.Name + "/backupJobs/" + j.JobId;

    private static IEnumerable<ArmJobTask> DefaultTasks(ArmBackupJob j)
    {
        if (!string.Equals(j.Operation, "Backup", StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        var (snapshot, transfer) = j.Status switch
        {
            "Completed" or "CompletedWithWarnings" => ("Completed", "Completed"),
            "InProgress" => ("InProgress", "NotStarted"),
            "Failed" => ("Failed", "NotStarted"),
            "Cancelled" or "Cancelling" => ("Cancelled", "NotStarted"),
            _ => ("NotStarted", "NotStarted"),
        };
        yield return new ArmJobTask { TaskId = "Take Snapshot", Status = snapshot };
        yield return new ArmJobTask { TaskId = "Transfer data to vault", Status = transfer };
    }

    internal static JsonObject JobJson(ArmRecoveryServicesVault v, ArmBackupJob j, bool details, DateTimeOffset now)
    {
        var end = j.EndTime ?? now;
        var props = new JsonObject
        {
            ["jobType"] = j.JobType,
            ["duration"] = J.Duration(end - j.StartTime),
            ["virtualMachineVersion"] = "Compute",
        };
        if (j.Status is "InProgress")
        {
            props["actionsInfo"] = new JsonArray("Cancellable");
        }

        if (j.ErrorDetails.Count > 0)
        {
            props["errorDetails"] = J.Array(j.ErrorDetails.Select(e => (JsonNode?)new JsonObject
            {
                ["errorCode"] = e.ErrorCode,
                ["errorString"] = e.ErrorString,
                ["errorTitle"] = e.ErrorTitle,
                ["recommendations"] = J.Strings(e.Recommendations),
            }));
        }

        if (details)
        {
            var tasks = j.Tasks.Count > 0 ? j.Tasks : DefaultTasks(j).ToList();
            var bag = new JsonObject();
            if (!j.PropertyBag.ContainsKey("VM Name"))
            {
                bag["VM Name"] = j.EntityFriendlyName;
            }

            foreach (var kv in j.PropertyBag)
            {
                bag[kv.Key] = kv.Value;
            }

            var ext = new JsonObject
            {
                ["tasksList"] = J.Array(tasks.Select(t => (JsonNode?)new JsonObject
                {
                    ["taskId"] = t.TaskId,
                    ["duration"] = J.Duration(t.Duration),
                    ["status"] = t.Status,
                })),
                ["propertyBag"] = bag,
            };
            if (j.ProgressPercentage is { } pct)
            {
                ext["progressPercentage"] = pct;
            }

            if (j.DynamicErrorMessage is not null)
            {
                ext["dynamicErrorMessage"] = j.DynamicErrorMessage;
            }

            props["extendedInfo"] = ext;
        }

        props["entityFriendlyName"] = j.EntityFriendlyName;
        if (j.VirtualMachineId is not null && ResourceIds.Parse(j.VirtualMachineId) is { ResourceGroup: { } rg, Name: { } name })
        {
            props["containerName"] = "iaasvmcontainerv2;" + rg + ";" + name;
        }

        props["backupManagementType"] = j.BackupManagementType;
        props["operation"] = j.Operation;
        props["status"] = j.Status;
        props["startTime"] = J.TimeZ(j.StartTime);
        if (j.EndTime is { } e2)
        {
            props["endTime"] = J.TimeZ(e2);
        }

        if (j.IsUserTriggered is { } ut)
        {
            props["isUserTriggered"] = ut;
        }

        props["activityId"] = j.ActivityId ?? StableGuid.From("activity", j.JobId);
        return new JsonObject
        {
            ["id"] = JobId(v, j),
            ["name"] = j.JobId,
            ["type"] = "Microsoft.RecoveryServices/vaults/backupJobs",
            ["properties"] = props,
        };
    }

    /// <summary>
    /// Applies the eq-only $filter the Recovery Services lists accept, clause by clause; a
    /// clause the list cannot take is the service's own 400.
    /// </summary>
    private static ArmResponse? ApplyEqFilter<T>(ArmRequest r, IEnumerable<T> all, Func<IEnumerable<T>, string, string, IEnumerable<T>> narrow, out IEnumerable<T> filtered)
    {
        filtered = all;
        try
        {
            foreach (var c in ODataFilter.Parse(r.Query("$filter")))
            {
                if (c.IsFunction || c.Operator != "eq")
                {
                    throw new FormatException($"Only 'eq' is supported; got '{c.Field} {c.Operator}'.");
                }

                filtered = narrow(filtered, c.Field, c.Value ?? "");
            }

            return null;
        }
        catch (FormatException e)
        {
            return ArmErrors.BadRequest("BMSUserErrorInvalidFilter", "Invalid filter: " + e.Message);
        }
    }

    private static ArmResponse ListJobs(ArmRequest r)
    {
        if (FindVault(r, out var v) is { } err)
        {
            return err;
        }

        if (ApplyEqFilter(r, v.Jobs, (jobs, field, value) => field.ToLowerInvariant() switch
            {
                "status" => jobs.Where(j => string.Equals(j.Status, value, StringComparison.OrdinalIgnoreCase)),
                "operation" => jobs.Where(j => string.Equals(j.Operation, value, StringComparison.OrdinalIgnoreCase)),
                "backupmanagementtype" => jobs.Where(j => string.Equals(j.BackupManagementType, value, StringComparison.OrdinalIgnoreCase)),
                "jobid" => jobs.Where(j => string.Equals(j.JobId, value, StringComparison.OrdinalIgnoreCase)),
                "starttime" => WithStart(jobs, ODataFilter.ParseDate(value), atLeast: true),
                "endtime" => WithStart(jobs, ODataFilter.ParseDate(value), atLeast: false),
                _ => throw new FormatException($"The property '{field}' cannot be used in a backup jobs filter."),
            }, out var jobs) is { } invalid)
        {
            return invalid;
        }

        var now = r.Now;
        var ordered = jobs.OrderByDescending(j => j.StartTime).ToList();
        return ArmResponse.Ok(r.Page(ordered, j => (JsonNode)JobJson(v, j, details: false, now), "$skipToken"));
    }

    /// <summary>startTime eq X keeps jobs that started at or after X; endTime eq Y keeps jobs that started at or before Y.</summary>
    private static IEnumerable<ArmBackupJob> WithStart(IEnumerable<ArmBackupJob> jobs, DateTimeOffset bound, bool atLeast) =>
        atLeast ? jobs.Where(j => j.StartTime >= bound) : jobs.Where(j => j.StartTime <= bound);

    private static ArmResponse? FindJob(ArmRequest r, out ArmRecoveryServicesVault vault, out ArmBackupJob job)
    {
        job = null!;
        if (FindVault(r, out vault) is { } err)
        {
            return err;
        }

        var j = vault.FindJob(r["job"]);
        job = j!;
        return j is null ? ArmResponse.Error(404, "BMSUserErrorJobNotFound", $"The job '{r["job"]}' was not found.") : null;
    }

    private static ArmResponse GetJob(ArmRequest r) =>
        FindJob(r, out var v, out var j) ?? ArmResponse.Ok(JobJson(v, j, details: true, r.Now));

    private static ArmResponse CancelJob(ArmRequest r)
    {
        if (FindJob(r, out var v, out var job) is { } err)
        {
            return err;
        }

        if (job.Status is not ("InProgress" or "Cancelling"))
        {
            return ArmErrors.BadRequest("BMSUserErrorJobNotCancellable", $"The job '{job.JobId}' is {job.Status} and cannot be cancelled.");
        }

        job.Status = "Cancelling";
        var op = r.Server.Operations.Start(r.Now, r.Options.LroInProgressPolls, () =>
        {
            job.Status = "Cancelled";
            job.EndTime = r.Server.Now;
            return null;
        });
        var path = "/" + string.Join('/', v.Id.TrimStart('/'), "backupJobs", job.JobId, "operationResults", op.Id);
        return ArmResponse.Empty(202)
            .WithHeader("Location", r.Url(path, "api-version=" + Uri.EscapeDataString(r.ApiVersion)))
            .WithHeader("Retry-After", LroRegistry.RetryAfter(r));
    }

    private static ArmResponse JobOperationResult(ArmRequest r)
    {
        var op = r.Server.Operations.Find(r["op"]);
        if (op is null)
        {
            return ArmResponse.Error(404, "BMSUserErrorOperationNotFound", $"The operation '{r["op"]}' was not found.");
        }

        LroRegistry.Advance(op, r.Now);
        if (!op.Done)
        {
            return ArmResponse.Empty(202)
                .WithHeader("Location", r.Url(r.Http.Request.Path.ToUriComponent(), r.Http.Request.QueryString.Value?.TrimStart('?')))
                .WithHeader("Retry-After", LroRegistry.RetryAfter(r));
        }

        return op.Error is null ? ArmResponse.Empty(204) : OperationError(op);
    }

    // ---------------------------------------------------------------- protected items

    internal static string ProtectedItemId(ArmRecoveryServicesVault v, ArmProtectedItem p) =>
        v.Id + "/backupFabrics/Azure/protectionContainers/" + p.ContainerSegment + "/protectedItems/" + p.ProtectedItemName;

    internal static JsonObject ProtectedItemJson(ArmRecoveryServicesVault v, ArmProtectedItem p)
    {
        var props = new JsonObject
        {
            ["friendlyName"] = p.VmName,
            ["virtualMachineId"] = p.VirtualMachineId,
            ["protectionStatus"] = p.ProtectionStatus,
            ["protectionState"] = p.ProtectionState,
            ["healthStatus"] = p.HealthStatus,
        };
        if (p.LastBackupStatus is not null)
        {
            props["lastBackupStatus"] = p.LastBackupStatus;
        }

        if (p.LastBackupTime is { } lbt)
        {
            props["lastBackupTime"] = J.TimeZ(lbt);
        }

        props["protectedItemDataId"] = Convert.ToUInt64(StableGuid.From("pidata", p.VirtualMachineId).Replace("-", "", StringComparison.Ordinal)[..15], 16)
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        props["protectedItemType"] = "Microsoft.Compute/virtualMachines";
        props["backupManagementType"] = "AzureIaasVM";
        props["workloadType"] = "VM";
        props["containerName"] = p.ContainerName;
        props["sourceResourceId"] = p.VirtualMachineId;
        props["policyId"] = string.IsNullOrEmpty(p.PolicyName) ? "" : v.Id + "/backupPolicies/" + p.PolicyName;
        if (!string.IsNullOrEmpty(p.PolicyName))
        {
            props["policyName"] = p.PolicyName;
        }

        props["lastRecoveryPoint"] = p.LastRecoveryPoint is { } lrp ? J.TimeZ(lrp) : null;
        props["isScheduledForDeferredDelete"] = false;
        props["policyType"] = "V2";
        return new JsonObject
        {
            ["id"] = ProtectedItemId(v, p),
            ["name"] = p.ProtectedItemName,
            ["type"] = "Microsoft.RecoveryServices/vaults/backupFabrics/protectionContainers/protectedItems",
            ["properties"] = props,
        };
    }

    private static ArmResponse ListProtectedItems(ArmRequest r)
    {
        if (FindVault(r, out var v) is { } err)
        {
            return err;
        }

        if (ApplyEqFilter(r, v.ProtectedItems, (items, field, value) => field.ToLowerInvariant() switch
            {
                // Every item of this fake is an Azure IaaS VM.
                "backupmanagementtype" => string.Equals(value, "AzureIaasVM", StringComparison.OrdinalIgnoreCase) ? items : [],
                "itemtype" => string.Equals(value, "VM", StringComparison.OrdinalIgnoreCase) ? items : [],
                "policyname" => items.Where(p => string.Equals(p.PolicyName, value, StringComparison.OrdinalIgnoreCase)),
                "friendlyname" => items.Where(p => string.Equals(p.VmName, value, StringComparison.OrdinalIgnoreCase)),
                "containername" => items.Where(p => string.Equals(p.ContainerName, value, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(p.ContainerSegment, value, StringComparison.OrdinalIgnoreCase)),
                _ => throw new FormatException($"The property '{field}' cannot be used in a protected items filter."),
            }, out var items) is { } invalid)
        {
            return invalid;
        }

        return ArmResponse.Ok(r.Page(items, p => (JsonNode)ProtectedItemJson(v, p), "$skipToken"));
    }

    private static ArmResponse? FindItem(ArmRequest r, out ArmRecoveryServicesVault vault, out ArmProtectedItem item)
    {
        item = null!;
        if (FindVault(r, out vault) is { } err)
        {
            return err;
        }

        var p = vault.FindProtectedItem(r["item"]);
        item = p!;
        return p is null || !string.Equals(r["fabric"], "Azure", StringComparison.OrdinalIgnoreCase)
            ? ArmResponse.Error(404, "BMSUserErrorItemNotFound", $"Item '{r["item"]}' not found in container '{r["container"]}'.")
            : null;
    }

    private static ArmResponse GetProtectedItem(ArmRequest r) =>
        FindItem(r, out var v, out var p) ?? ArmResponse.Ok(ProtectedItemJson(v, p));

    private static ArmResponse TriggerBackup(ArmRequest r)
    {
        if (FindItem(r, out var v, out var p) is { } err)
        {
            return err;
        }

        var running = v.Jobs.Any(j => j.Status == "InProgress" && string.Equals(j.Operation, "Backup", StringComparison.OrdinalIgnoreCase)
            && ResourceIds.Same(j.VirtualMachineId, p.VirtualMachineId));
        var now = r.Now;
        ArmBackupJob? job = null;
        if (!running)
        {
            job = v.AddJob(p.VirtualMachineId, "Backup", "InProgress", now);
            job.JobId = Guid.NewGuid().ToString();
            job.IsUserTriggered = true;
        }

        var op = r.Server.Operations.Start(now, r.Options.LroInProgressPolls, () => running
            ? new JsonObject
            {
                ["code"] = "UserErrorBackupOperationInProgress",
                ["message"] = "Unable to initiate backup as another backup operation is currently in progress.",
            }
            : null);
        op.JobId = job?.JobId;
        return ItemOperationAccepted(r, op);
    }

    private static ArmResponse ItemOperationAccepted(ArmRequest r, LroOperation op)
    {
        var basePath = "/" + string.Join('/', "subscriptions", r["sub"], "resourceGroups", r["rg"], "providers/Microsoft.RecoveryServices/vaults", r["vault"],
            "backupFabrics", r["fabric"], "protectionContainers", r["container"], "protectedItems", r["item"]);
        var api = "api-version=" + Uri.EscapeDataString(r.ApiVersion);
        return ArmResponse.Empty(202)
            .WithHeader("Location", r.Url(basePath + "/operationResults/" + op.Id, api))
            .WithHeader("Azure-AsyncOperation", r.Url(basePath + "/operationsStatus/" + op.Id, api))
            .WithHeader("Retry-After", LroRegistry.RetryAfter(r));
    }

    private static ArmResponse OperationError(LroOperation op) =>
        ArmResponse.Error(400, op.Error?["code"]?.GetValue<string>() ?? "OperationFailed", op.Error?["message"]?.GetValue<string>() ?? "The operation failed.");

    private static ArmResponse ItemOperationResult(ArmRequest r)
    {
        var op = r.Server.Operations.Find(r["op"]);
        if (op is null)
        {
            return ArmResponse.Error(404, "BMSUserErrorOperationNotFound", $"The operation '{r["op"]}' was not found.");
        }

        LroRegistry.Advance(op, r.Now);
        if (!op.Done)
        {
            return ArmResponse.Empty(202)
                .WithHeader("Location", r.Url(r.Http.Request.Path.ToUriComponent(), r.Http.Request.QueryString.Value?.TrimStart('?')))
                .WithHeader("Retry-After", LroRegistry.RetryAfter(r));
        }

        return op.Error is null ? ArmResponse.Empty(204) : OperationError(op);
    }

    private static ArmResponse ItemOperationStatus(ArmRequest r)
    {
        var op = r.Server.Operations.Find(r["op"]);
        if (op is null)
        {
            return ArmResponse.Error(404, "BMSUserErrorOperationNotFound", $"The operation '{r["op"]}' was not found.");
        }

        LroRegistry.Advance(op, r.Now);
        var o = new JsonObject
        {
            ["id"] = op.Id,
            ["name"] = op.Id,
            ["status"] = op.Status,
            ["startTime"] = J.TimeZ(op.StartTime),
        };
        if (op.EndTime is { } end)
        {
            o["endTime"] = J.TimeZ(end);
        }

        if (op.Error is not null)
        {
            o["error"] = op.Error.DeepClone();
        }

        if (op.JobId is not null && op.Status == "Succeeded")
        {
            o["properties"] = new JsonObject { ["objectType"] = "OperationStatusJobExtendedInfo", ["jobId"] = op.JobId };
        }

        var resp = ArmResponse.Ok(o);
        if (!op.Done)
        {
            resp.WithHeader("Retry-After", LroRegistry.RetryAfter(r));
        }

        return resp;
    }
}
