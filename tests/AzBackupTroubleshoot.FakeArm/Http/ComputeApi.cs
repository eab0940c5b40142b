using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace AzBackupTroubleshoot.FakeArm.Http;

/// <summary>Microsoft.Compute: virtual machines, extensions, disks, restore point collections and their operations.</summary>
internal static class ComputeApi
{
    private const string Rg = "subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute";
    private const string Sub = "subscriptions/{sub}/providers/Microsoft.Compute";
    private const string VmType = "Microsoft.Compute/virtualMachines";

    public static void Register(Router r)
    {
        r.Add("GET", Sub + "/virtualMachines", ListVmsInSubscription);
        r.Add("GET", Sub + "/locations/{loc}/virtualMachines", ListVmsInLocation);
        r.Add("GET", Rg + "/virtualMachines", ListVmsInResourceGroup);
        r.Add("GET", Rg + "/virtualMachines/{vm}", GetVm);
        r.Add("GET", Rg + "/virtualMachines/{vm}/instanceView", GetInstanceView);
        r.Add("GET", Rg + "/virtualMachines/{vm}/extensions", ListExtensions);
        r.Add("GET", Rg + "/virtualMachines/{vm}/extensions/{ext}", GetExtension);
        r.Add("DELETE", Rg + "/virtualMachines/{vm}/extensions/{ext}", DeleteExtension);
        r.Add("GET", Sub + "/disks", ListDisksInSubscription);
        r.Add("GET", Rg + "/disks", ListDisksInResourceGroup);
        r.Add("GET", Rg + "/disks/{disk}", GetDisk);
        r.Add("GET", Sub + "/restorePointCollections", ListCollectionsInSubscription);
        r.Add("GET", Rg + "/restorePointCollections", ListCollectionsInResourceGroup);
        r.Add("GET", Rg + "/restorePointCollections/{rpc}", GetCollection);
        r.Add("DELETE", Rg + "/restorePointCollections/{rpc}", DeleteCollection);
        r.Add("GET", Rg + "/restorePointCollections/{rpc}/restorePoints/{rp}", GetRestorePoint);
        r.Add("DELETE", Rg + "/restorePointCollections/{rpc}/restorePoints/{rp}", DeleteRestorePoint);
        r.Add("GET", Sub + "/locations/{loc}/operations/{op}", GetOperation);
    }

    // ---------------------------------------------------------------- virtual machines

    private static ArmResponse ListVmsInSubscription(ArmRequest r)
    {
        if (Lookup.Subscription(r, out var sub) is { } err)
        {
            return err;
        }

        var statusOnly = string.Equals(r.Query("statusOnly"), "true", StringComparison.OrdinalIgnoreCase);
        var vms = sub.ResourceGroups.SelectMany(rg => rg.VirtualMachines);
        return ArmResponse.Ok(r.Page(vms, vm => statusOnly ? StatusOnlyVm(vm) : VmJson(vm, instanceView: false, withResources: false)));
    }

    private static ArmResponse ListVmsInLocation(ArmRequest r)
    {
        if (Lookup.Subscription(r, out var sub) is { } err)
        {
            return err;
        }

        var vms = sub.ResourceGroups.SelectMany(rg => rg.VirtualMachines)
            .Where(vm => string.Equals(vm.EffectiveLocation.Replace(" ", "", StringComparison.Ordinal), r["loc"], StringComparison.OrdinalIgnoreCase));
        return ArmResponse.Ok(r.Page(vms, vm => (JsonNode)VmJson(vm, instanceView: false, withResources: false)));
    }

    private static ArmResponse ListVmsInResourceGroup(ArmRequest r)
    {
        if (Lookup.ResourceGroup(r, out var rg) is { } err)
        {
            return err;
        }

        var expand = r.ExpandIncludes("instanceView");
        return ArmResponse.Ok(r.Page(rg.VirtualMachines, vm => (JsonNode)VmJson(vm, expand, withResources: false)));
    }

    private static ArmResponse? FindVm(ArmRequest r, out ArmVirtualMachine vm)
    {
        vm = null!;
        if (Lookup.ResourceGroup(r, out var rg) is { } err)
        {
            return err;
        }

        var found = rg.FindVirtualMachine(r["vm"]);
        vm = found!;
        return found is null ? ArmErrors.ResourceNotFound(VmType, r["vm"], r["rg"]) : null;
    }

    private static ArmResponse GetVm(ArmRequest r) =>
        FindVm(r, out var vm) ?? ArmResponse.Ok(VmJson(vm, r.ExpandIncludes("instanceView"), withResources: true));

    private static ArmResponse GetInstanceView(ArmRequest r) =>
        FindVm(r, out var vm) ?? ArmResponse.Ok(InstanceViewJson(vm));

    /// <summary>The model view of a VM (properties.instanceView when asked).</summary>
    internal static JsonObject VmJson(ArmVirtualMachine vm, bool instanceView, bool withResources)
    {
        var storage = new JsonObject();
        if (vm.HasOsProfile)
        {
            var p = vm.EffectiveImage.Split(':');
            storage["imageReference"] = new JsonObject
            {
                ["publisher"] = p.ElementAtOrDefault(0),
                ["offer"] = p.ElementAtOrDefault(1),
                ["sku"] = p.ElementAtOrDefault(2),
                ["version"] = p.ElementAtOrDefault(3) ?? "latest",
            };
        }

        var os = DiskInModel(vm, vm.OsDisk);
        os["osType"] = vm.OsType.ToString();
        storage["osDisk"] = os;
        storage["dataDisks"] = J.Array(vm.DataDisks.Select(d => (JsonNode?)DiskInModel(vm, d)));
        storage["diskControllerType"] = "SCSI";

        var props = new JsonObject
        {
            ["vmId"] = vm.VmId,
            ["hardwareProfile"] = new JsonObject { ["vmSize"] = vm.Size },
            ["storageProfile"] = storage,
        };
        if (vm.HasOsProfile)
        {
            var osProfile = new JsonObject
            {
                ["computerName"] = vm.ComputerName ?? vm.Name,
                ["adminUsername"] = "azureuser",
            };
            if (vm.OsType == ArmOsType.Windows)
            {
                osProfile["windowsConfiguration"] = new JsonObject
                {
                    ["provisionVMAgent"] = vm.ProvisionVmAgent,
                    ["enableAutomaticUpdates"] = true,
                    ["patchSettings"] = new JsonObject { ["patchMode"] = "AutomaticByOS", ["assessmentMode"] = "ImageDefault" },
                };
            }
            else
            {
                osProfile["linuxConfiguration"] = new JsonObject
                {
                    ["disablePasswordAuthentication"] = true,
                    ["provisionVMAgent"] = vm.ProvisionVmAgent,
                    ["patchSettings"] = new JsonObject { ["patchMode"] = "ImageDefault", ["assessmentMode"] = "ImageDefault" },
                };
            }

            osProfile["secrets"] = new JsonArray();
            osProfile["allowExtensionOperations"] = true;
            osProfile["requireGuestProvisionSignal"] = true;
            props["osProfile"] = osProfile;
        }

        if (vm.SecurityType is { } st)
        {
            props["securityProfile"] = new JsonObject
            {
                ["uefiSettings"] = new JsonObject { ["secureBootEnabled"] = true, ["vTpmEnabled"] = true },
                ["securityType"] = st,
            };
        }

        props["networkProfile"] = new JsonObject
        {
            ["networkInterfaces"] = new JsonArray(new JsonObject
            {
                ["id"] = vm.ResourceGroup?.Id + "/providers/Microsoft.Network/networkInterfaces/" + vm.Name + "-nic",
                ["properties"] = new JsonObject { ["deleteOption"] = "Detach" },
            }),
        };
        props["diagnosticsProfile"] = new JsonObject { ["bootDiagnostics"] = new JsonObject { ["enabled"] = true } };
        props["provisioningState"] = vm.ProvisioningState;
        props["timeCreated"] = J.Time(vm.TimeCreated);
        if (instanceView)
        {
            props["instanceView"] = InstanceViewJson(vm);
        }

        var o = new JsonObject
        {
            ["name"] = vm.Name,
            ["id"] = vm.Id,
            ["type"] = VmType,
            ["location"] = vm.EffectiveLocation,
        };
        if (vm.Tags.Count > 0)
        {
            o["tags"] = J.Tags(vm.Tags);
        }

        o["properties"] = props;
        if (withResources && vm.Extensions.Count > 0)
        {
            o["resources"] = J.Array(vm.Extensions.Select(e => (JsonNode?)ExtensionJson(vm, e, instanceView: false)));
        }

        return o;
    }

    private static JsonObject DiskInModel(ArmVirtualMachine vm, ArmVmDisk d)
    {
        var o = new JsonObject();
        if (d.Lun is { } lun)
        {
            o["lun"] = lun;
        }

        o["name"] = d.Name;
        o["createOption"] = d.Lun is null ? (vm.HasOsProfile ? "FromImage" : "Attach") : d.CreateOption == "FromImage" ? "Empty" : d.CreateOption;
        o["caching"] = d.Caching;
        if (d.VhdUri is { } vhd)
        {
            o["vhd"] = new JsonObject { ["uri"] = vhd };
        }
        else
        {
            o["managedDisk"] = new JsonObject { ["storageAccountType"] = d.StorageAccountType, ["id"] = vm.DiskId(d) };
        }

        if (d.Ade is { } ade)
        {
            o["encryptionSettings"] = AdeSettings(ade, withEnabled: true);
        }

        o["deleteOption"] = d.Lun is null ? "Delete" : "Detach";
        if (d.Lun is not null)
        {
            o["toBeDetached"] = false;
        }

        o["diskSizeGB"] = d.DiskSizeGb;
        return o;
    }

    private static JsonObject AdeSettings(ArmAdeSettings ade, bool withEnabled)
    {
        var o = new JsonObject();
        if (withEnabled)
        {
            o["enabled"] = true;
        }

        o["diskEncryptionKey"] = new JsonObject { ["secretUrl"] = ade.SecretUrl, ["sourceVault"] = new JsonObject { ["id"] = ade.KeyVaultId } };
        if (ade.KeyEncryptionKeyUrl is { } kek)
        {
            o["keyEncryptionKey"] = new JsonObject { ["keyUrl"] = kek, ["sourceVault"] = new JsonObject { ["id"] = ade.KeyVaultId } };
        }

        return o;
    }

    /// <summary>The instance view: guest info, vmAgent (when the agent reports), disks, extensions, statuses.</summary>
    internal static JsonObject InstanceViewJson(ArmVirtualMachine vm)
    {
        var o = new JsonObject();
        var deallocated = string.Equals(vm.PowerState, "deallocated", StringComparison.OrdinalIgnoreCase);
        if (!deallocated)
        {
            o["computerName"] = vm.ComputerName ?? vm.Name;
            if (vm.Agent is not null)
            {
                // The guest OS name and version are reported by the agent.
                o["osName"] = vm.EffectiveOsName;
                o["osVersion"] = vm.EffectiveOsVersion;
            }
        }

        if (vm.Agent is { } agent && !deallocated)
        {
            o["vmAgent"] = new JsonObject
            {
                ["vmAgentVersion"] = vm.EffectiveAgentVersion,
                ["statuses"] = new JsonArray(J.Status(agent.StatusCode, agent.Level, agent.DisplayStatus, agent.Message, agent.Time)),
                ["extensionHandlers"] = J.Array(vm.Extensions.Select(e => (JsonNode?)HandlerJson(e))),
            };
        }

        o["disks"] = J.Array(vm.AllDisks.Select(d =>
        {
            var disk = new JsonObject
            {
                ["name"] = d.Name,
                ["statuses"] = new JsonArray(J.Status("ProvisioningState/succeeded", "Info", "Provisioning succeeded", time: vm.TimeCreated)),
            };
            if (d.Ade is { } ade)
            {
                disk["encryptionSettings"] = new JsonArray(AdeSettings(ade, withEnabled: true));
            }

            return (JsonNode?)disk;
        }));
        o["hyperVGeneration"] = vm.HyperVGeneration;
        if (!deallocated && vm.Extensions.Count > 0)
        {
            o["extensions"] = J.Array(vm.Extensions.Select(e => (JsonNode?)ExtensionInstanceView(e)));
        }

        o["statuses"] = J.Array(VmStatuses(vm).Select(s => (JsonNode?)s));
        return o;
    }

    private static IEnumerable<JsonObject> VmStatuses(ArmVirtualMachine vm)
    {
        var state = vm.ProvisioningState;
        var code = vm.ProvisioningStatusCode ?? "ProvisioningState/" + state.ToLowerInvariant();
        var failed = code.StartsWith("ProvisioningState/failed", StringComparison.OrdinalIgnoreCase);
        var display = failed ? "Provisioning failed"
            : string.Equals(state, "Succeeded", StringComparison.OrdinalIgnoreCase) ? "Provisioning succeeded"
            : state;
        yield return J.Status(code, failed ? "Error" : "Info", display, vm.ProvisioningStatusMessage, WorldTime.Ago(TimeSpan.FromMinutes(20)));
        if (vm.PowerState is { } ps)
        {
            yield return J.Status("PowerState/" + ps, "Info", "VM " + ps);
        }
    }

    /// <summary>
    /// One item of a statusOnly=true list. Per the public samples of VirtualMachines_ListAll with statusOnly, each item
    /// carries id/name/type/location and properties { vmId, hardwareProfile {}, provisioningState, instanceView { statuses } }:
    /// the VM-level provisioning and power statuses only, no vmAgent, no extensions, no disks and no storage/os profiles.
    /// </summary>
    internal static JsonObject StatusOnlyVm(ArmVirtualMachine vm) => new()
    {
        ["name"] = vm.Name,
        ["id"] = vm.Id,
        ["type"] = VmType,
        ["location"] = vm.EffectiveLocation,
        ["properties"] = new JsonObject
        {
            ["vmId"] = vm.VmId,
            ["hardwareProfile"] = new JsonObject(),
            ["provisioningState"] = vm.ProvisioningState,
            ["instanceView"] = new JsonObject { ["statuses"] = J.Array(VmStatuses(vm).Select(s => (JsonNode?)s)) },
        },
    };

    // ---------------------------------------------------------------- extensions

    private static (string Code, string Level, string Display) ExtensionStatus(ArmVmExtension e)
    {
        var state = e.ProvisioningState;
        var (code, level, display) = state.ToLowerInvariant() switch
        {
            "succeeded" => ("ProvisioningState/succeeded", "Info", "Provisioning succeeded"),
            "failed" => ("ProvisioningState/failed/-1", "Error", "Provisioning failed"),
            _ => ("ProvisioningState/transitioning", "Info", "Transitioning"),
        };
        return (e.StatusCode ?? code, e.StatusLevel ?? level, e.DisplayStatus ?? display);
    }

    private static JsonObject HandlerJson(ArmVmExtension e)
    {
        var failed = string.Equals(e.ProvisioningState, "Failed", StringComparison.OrdinalIgnoreCase);
        return new JsonObject
        {
            ["type"] = e.Publisher + "." + e.Type,
            ["typeHandlerVersion"] = e.TypeHandlerVersion,
            ["status"] = failed
                ? J.Status("ProvisioningState/failed", "Error", "NotReady")
                : J.Status("ProvisioningState/succeeded", "Info", "Ready"),
        };
    }

    private static JsonObject ExtensionInstanceView(ArmVmExtension e)
    {
        var (code, level, display) = ExtensionStatus(e);
        var o = new JsonObject
        {
            ["name"] = e.Name,
            ["type"] = e.Publisher + "." + e.Type,
            ["typeHandlerVersion"] = e.TypeHandlerVersion,
        };
        if (e.Substatuses.Count > 0)
        {
            o["substatuses"] = J.Array(e.Substatuses.Select(s => (JsonNode?)J.Status(s.Code, s.Level, s.DisplayStatus, s.Message)));
        }

        o["statuses"] = new JsonArray(J.Status(code, level, display, e.StatusMessage));
        return o;
    }

    internal static JsonObject ExtensionJson(ArmVirtualMachine vm, ArmVmExtension e, bool instanceView)
    {
        var props = new JsonObject
        {
            ["autoUpgradeMinorVersion"] = e.AutoUpgradeMinorVersion,
            ["provisioningState"] = e.ProvisioningState,
            ["publisher"] = e.Publisher,
            ["type"] = e.Type,
            ["typeHandlerVersion"] = e.TypeHandlerVersion,
            ["settings"] = e.Settings?.DeepClone() ?? new JsonObject(),
        };
        if (instanceView)
        {
            props["instanceView"] = ExtensionInstanceView(e);
        }

        return new JsonObject
        {
            ["name"] = e.Name,
            ["id"] = vm.Id + "/extensions/" + e.Name,
            ["type"] = "Microsoft.Compute/virtualMachines/extensions",
            ["location"] = vm.EffectiveLocation,
            ["properties"] = props,
        };
    }

    private static ArmResponse ListExtensions(ArmRequest r)
    {
        if (FindVm(r, out var vm) is { } err)
        {
            return err;
        }

        var expand = r.ExpandIncludes("instanceView");
        return ArmResponse.Ok(new JsonObject { ["value"] = J.Array(vm.Extensions.Select(e => (JsonNode?)ExtensionJson(vm, e, expand))) });
    }

    private static ArmResponse GetExtension(ArmRequest r)
    {
        if (FindVm(r, out var vm) is { } err)
        {
            return err;
        }

        var ext = vm.FindExtension(r["ext"]);
        return ext is null
            ? ArmErrors.ResourceNotFound(VmType + "/extensions", vm.Name + "/" + r["ext"], r["rg"])
            : ArmResponse.Ok(ExtensionJson(vm, ext, r.ExpandIncludes("instanceView")));
    }

    private static ArmResponse DeleteExtension(ArmRequest r)
    {
        if (FindVm(r, out var vm) is { } err)
        {
            return err;
        }

        var ext = vm.FindExtension(r["ext"]);
        if (ext is null)
        {
            return ArmResponse.Empty(204);
        }

        var id = vm.Id + "/extensions/" + ext.Name;
        if (Lookup.DeleteBlockedByLock(r, id) is { } locked)
        {
            return locked;
        }

        ext.ProvisioningState = "Deleting";
        return StartDelete(r, vm.EffectiveLocation, () =>
        {
            vm.Extensions.Remove(ext);
            return null;
        });
    }

    // ---------------------------------------------------------------- disks

    private static IEnumerable<(string ResourceGroup, Func<JsonObject> Json, string Name)> DisksOf(ArmSubscription sub)
    {
        foreach (var rg in sub.ResourceGroups)
        {
            foreach (var vm in rg.VirtualMachines)
            {
                foreach (var d in vm.AllDisks.Where(d => d.VhdUri is null))
                {
                    yield return (d.ResourceGroup ?? rg.Name, () => AttachedDiskJson(vm, d), d.Name);
                }
            }

            foreach (var d in rg.Disks)
            {
                yield return (rg.Name, () => StandaloneDiskJson(d), d.Name);
            }
        }
    }

    private static JsonObject DiskJson(string id, string name, string location, string sku, int sizeGb, string? managedBy, ArmAdeSettings? ade, string? osType, string hyperV, string createOption)
    {
        var props = new JsonObject();
        if (osType is not null)
        {
            props["osType"] = osType;
            props["hyperVGeneration"] = hyperV;
        }

        props["creationData"] = new JsonObject { ["createOption"] = createOption };
        props["diskSizeGB"] = sizeGb;
        props["diskIOPSReadWrite"] = 500;
        props["diskMBpsReadWrite"] = 100;
        if (ade is not null)
        {
            props["encryptionSettingsCollection"] = new JsonObject
            {
                ["enabled"] = true,
                ["encryptionSettings"] = new JsonArray(AdeSettings(ade, withEnabled: false)),
                ["encryptionSettingsVersion"] = "1.1",
            };
        }

        props["encryption"] = new JsonObject { ["type"] = "EncryptionAtRestWithPlatformKey" };
        props["networkAccessPolicy"] = "AllowAll";
        props["publicNetworkAccess"] = "Enabled";
        props["timeCreated"] = J.Time(WorldTime.Ago(TimeSpan.FromDays(312)));
        props["provisioningState"] = "Succeeded";
        props["diskState"] = managedBy is null ? "Unattached" : "Attached";
        props["diskSizeBytes"] = (long)sizeGb * 1024 * 1024 * 1024;
        props["uniqueId"] = StableGuid.From("disk", id);

        var o = new JsonObject
        {
            ["name"] = name,
            ["id"] = id,
            ["type"] = "Microsoft.Compute/disks",
            ["location"] = location,
        };
        if (managedBy is not null)
        {
            o["managedBy"] = managedBy;
        }

        o["sku"] = new JsonObject { ["name"] = sku, ["tier"] = sku.StartsWith("Premium", StringComparison.OrdinalIgnoreCase) ? "Premium" : sku.StartsWith("Ultra", StringComparison.OrdinalIgnoreCase) ? "Ultra" : "Standard" };
        o["properties"] = props;
        return o;
    }

    private static JsonObject AttachedDiskJson(ArmVirtualMachine vm, ArmVmDisk d) =>
        DiskJson(vm.DiskId(d), d.Name, vm.EffectiveLocation, d.StorageAccountType, d.DiskSizeGb, vm.Id, d.Ade,
            d.Lun is null ? vm.OsType.ToString() : null, vm.HyperVGeneration, d.Lun is not null ? "Empty" : vm.HasOsProfile ? "FromImage" : "Attach");

    private static JsonObject StandaloneDiskJson(ArmStandaloneDisk d) =>
        DiskJson(d.Id, d.Name, d.ResourceGroup?.Location ?? "eastus", d.StorageAccountType, d.DiskSizeGb, d.ManagedBy, d.Ade, null, "V2", "Empty");

    private static ArmResponse ListDisksInSubscription(ArmRequest r)
    {
        if (Lookup.Subscription(r, out var sub) is { } err)
        {
            return err;
        }

        return ArmResponse.Ok(r.Page(DisksOf(sub), d => (JsonNode)d.Json()));
    }

    private static ArmResponse ListDisksInResourceGroup(ArmRequest r)
    {
        if (Lookup.ResourceGroup(r, out var rg) is { } err)
        {
            return err;
        }

        var disks = DisksOf(rg.Subscription!).Where(d => string.Equals(d.ResourceGroup, rg.Name, StringComparison.OrdinalIgnoreCase));
        return ArmResponse.Ok(r.Page(disks, d => (JsonNode)d.Json()));
    }

    private static ArmResponse GetDisk(ArmRequest r)
    {
        if (Lookup.ResourceGroup(r, out var rg) is { } err)
        {
            return err;
        }

        var disk = DisksOf(rg.Subscription!).FirstOrDefault(d =>
            string.Equals(d.ResourceGroup, rg.Name, StringComparison.OrdinalIgnoreCase) && string.Equals(d.Name, r["disk"], StringComparison.OrdinalIgnoreCase));
        return disk.Json is null ? ArmErrors.ResourceNotFound("Microsoft.Compute/disks", r["disk"], r["rg"]) : ArmResponse.Ok(disk.Json());
    }

    // ---------------------------------------------------------------- restore point collections

    internal static JsonObject CollectionJson(ArmRestorePointCollection c, bool withRestorePoints, ArmWorld world)
    {
        var props = new JsonObject
        {
            ["source"] = new JsonObject { ["id"] = c.SourceVmId, ["location"] = c.EffectiveLocation },
            ["restorePointCollectionId"] = c.CollectionId,
            ["provisioningState"] = c.ProvisioningState,
        };
        if (withRestorePoints)
        {
            props["restorePoints"] = J.Array(c.RestorePoints.Select(p => (JsonNode?)RestorePointJson(c, p, world)));
        }

        var o = new JsonObject
        {
            ["name"] = c.Name,
            ["id"] = c.Id,
            ["type"] = "Microsoft.Compute/restorePointCollections",
            ["location"] = c.EffectiveLocation,
        };
        if (c.Tags.Count > 0)
        {
            o["tags"] = J.Tags(c.Tags);
        }

        o["properties"] = props;
        return o;
    }

    private static JsonObject RestorePointJson(ArmRestorePointCollection c, ArmRestorePoint p, ArmWorld world)
    {
        var id = c.Id + "/restorePoints/" + p.Name;
        var vm = world.FindVirtualMachine(c.SourceVmId);
        var metadata = new JsonObject();
        if (vm is not null)
        {
            metadata["vmId"] = vm.VmId;
            metadata["hardwareProfile"] = new JsonObject { ["vmSize"] = vm.Size };
            JsonObject RpDisk(ArmVmDisk d)
            {
                var o = new JsonObject();
                if (d.Lun is { } lun)
                {
                    o["lun"] = lun;
                }
                else
                {
                    o["osType"] = vm.OsType.ToString();
                }

                o["name"] = d.Name;
                o["caching"] = d.Caching;
                o["managedDisk"] = new JsonObject { ["storageAccountType"] = d.StorageAccountType, ["id"] = vm.DiskId(d) };
                o["diskRestorePoint"] = new JsonObject { ["id"] = id + "/diskRestorePoints/" + d.Name + "_" + StableGuid.From("drp", id, d.Name) };
                return o;
            }

            metadata["storageProfile"] = new JsonObject
            {
                ["osDisk"] = RpDisk(vm.OsDisk),
                ["dataDisks"] = J.Array(vm.DataDisks.Select(d => (JsonNode?)RpDisk(d))),
                ["diskControllerType"] = "SCSI",
            };
            metadata["location"] = vm.EffectiveLocation;
        }

        return new JsonObject
        {
            ["name"] = p.Name,
            ["id"] = id,
            ["properties"] = new JsonObject
            {
                ["excludeDisks"] = new JsonArray(),
                ["sourceMetadata"] = metadata,
                ["provisioningState"] = p.ProvisioningState,
                ["consistencyMode"] = p.ConsistencyMode,
                ["timeCreated"] = J.Time(p.TimeCreated),
            },
        };
    }

    private static ArmResponse ListCollectionsInSubscription(ArmRequest r)
    {
        if (Lookup.Subscription(r, out var sub) is { } err)
        {
            return err;
        }

        var all = sub.ResourceGroups.SelectMany(rg => rg.RestorePointCollections);
        return ArmResponse.Ok(r.Page(all, c => (JsonNode)CollectionJson(c, withRestorePoints: false, r.World)));
    }

    private static ArmResponse ListCollectionsInResourceGroup(ArmRequest r)
    {
        if (Lookup.ResourceGroup(r, out var rg) is { } err)
        {
            return err;
        }

        return ArmResponse.Ok(r.Page(rg.RestorePointCollections, c => (JsonNode)CollectionJson(c, withRestorePoints: false, r.World)));
    }

    private static ArmResponse? FindCollection(ArmRequest r, out ArmRestorePointCollection c)
    {
        c = null!;
        if (Lookup.ResourceGroup(r, out var rg) is { } err)
        {
            return err;
        }

        var found = rg.FindRestorePointCollection(r["rpc"]);
        c = found!;
        return found is null ? ArmErrors.ResourceNotFound("Microsoft.Compute/restorePointCollections", r["rpc"], r["rg"]) : null;
    }

    private static ArmResponse GetCollection(ArmRequest r) =>
        FindCollection(r, out var c) ?? ArmResponse.Ok(CollectionJson(c, r.ExpandIncludes("restorePoints"), r.World));

    private static ArmResponse DeleteCollection(ArmRequest r)
    {
        if (Lookup.ResourceGroup(r, out var rg) is { } err)
        {
            return err;
        }

        var c = rg.FindRestorePointCollection(r["rpc"]);
        if (c is null)
        {
            return ArmResponse.Empty(204);
        }

        if (Lookup.DeleteBlockedByLock(r, c.Id) is { } locked)
        {
            return locked;
        }

        c.ProvisioningState = "Deleting";
        return StartDelete(r, c.EffectiveLocation, () =>
        {
            rg.RestorePointCollections.Remove(c);
            return null;
        });
    }

    private static ArmResponse GetRestorePoint(ArmRequest r)
    {
        if (FindCollection(r, out var c) is { } err)
        {
            return err;
        }

        var p = c.RestorePoints.FirstOrDefault(x => string.Equals(x.Name, r["rp"], StringComparison.OrdinalIgnoreCase));
        return p is null
            ? ArmErrors.ResourceNotFound("Microsoft.Compute/restorePointCollections/restorePoints", c.Name + "/" + r["rp"], r["rg"])
            : ArmResponse.Ok(RestorePointJson(c, p, r.World));
    }

    private static ArmResponse DeleteRestorePoint(ArmRequest r)
    {
        if (FindCollection(r, out var c) is { } err)
        {
            return err;
        }

        var p = c.RestorePoints.FirstOrDefault(x => string.Equals(x.Name, r["rp"], StringComparison.OrdinalIgnoreCase));
        if (p is null)
        {
            return ArmResponse.Empty(204);
        }

        if (Lookup.DeleteBlockedByLock(r, c.Id + "/restorePoints/" + p.Name) is { } locked)
        {
            return locked;
        }

        p.ProvisioningState = "Deleting";
        return StartDelete(r, c.EffectiveLocation, () =>
        {
            c.RestorePoints.Remove(p);
            return null;
        });
    }

    // ---------------------------------------------------------------- operations

    /// <summary>202 Accepted with Azure-AsyncOperation and Location pointing at the location's operations.</summary>
    private static ArmResponse StartDelete(ArmRequest r, string location, Func<JsonObject?> complete)
    {
        var op = r.Server.Operations.Start(r.Now, r.Options.LroInProgressPolls, complete);
        var path = "/subscriptions/" + r["sub"] + "/providers/Microsoft.Compute/locations/" + location + "/operations/" + op.Id;
        var api = "api-version=" + Uri.EscapeDataString(r.ApiVersion);
        return ArmResponse.Empty(202)
            .WithHeader("Azure-AsyncOperation", r.Url(path, "p=" + op.Id + "&" + api))
            .WithHeader("Location", r.Url(path, "p=" + op.Id + "&monitor=true&" + api))
            .WithHeader("Retry-After", LroRegistry.RetryAfter(r));
    }

    private static ArmResponse GetOperation(ArmRequest r)
    {
        var op = r.Server.Operations.Find(r["op"]);
        if (op is null)
        {
            return ArmResponse.Error(404, "NotFound", "The entity was not found in this Azure location.");
        }

        LroRegistry.Advance(op, r.Now);
        if (string.Equals(r.Query("monitor"), "true", StringComparison.OrdinalIgnoreCase))
        {
            if (!op.Done)
            {
                return ArmResponse.Empty(202)
                    .WithHeader("Location", r.Url(r.Http.Request.Path.ToUriComponent(), r.Http.Request.QueryString.Value?.TrimStart('?')))
                    .WithHeader("Retry-After", LroRegistry.RetryAfter(r));
            }

            return op.Error is null ? ArmResponse.Empty(200) : ArmResponse.Error(400, op.Error["code"]?.GetValue<string>() ?? "OperationFailed", op.Error["message"]?.GetValue<string>() ?? "");
        }

        var resp = ArmResponse.Ok(LroRegistry.StatusBody(op));
        if (!op.Done)
        {
            resp.WithHeader("Retry-After", LroRegistry.RetryAfter(r));
        }

        return resp;
    }
}
