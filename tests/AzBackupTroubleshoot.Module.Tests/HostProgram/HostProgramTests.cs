using System;
using System.Collections.Generic;
using System.IO;

namespace AzBackupTroubleshoot.Module.Tests.HostProgram
{
    [Collection(ModuleCollection.Name)]
    public sealed class HostProgramTests
    {
        [Fact]
        public void A_command_that_succeeds_prints_through_the_format_views_and_exits_0()
        {
            var run = HostRun.Start(["Get-AzBackupKnownIssue", "-Code", "320001", "-Culture", "en-US"]);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(string.Empty, run.StandardError);
            Assert.Matches(@"(?m)^Id\s+: A12\s*$", run.StandardOutput);
            Assert.DoesNotContain("\u001b[", run.StandardOutput); // redirected output carries no colour codes
        }

        [Fact]
        public void The_main_job_on_the_bundled_sample_exits_0()
        {
            var run = HostRun.Start(["Get-AzBackupFailureDiagnosis", "-Path", "docs/samples/az-backup-job-list.json"]);

            Assert.Equal(0, run.ExitCode);
            Assert.Matches(@"(?m)^Status\s+: Diagnosed\s*$", run.StandardOutput);
            Assert.Matches(@"(?m)^Error\s+: \[[A-F]\d+\] ", run.StandardOutput);
        }

        [Fact]
        public void A_command_that_writes_an_error_prints_it_to_stderr_and_exits_1()
        {
            var run = HostRun.Start("Get-AzBackupKnownIssue -Code 320001, NoSuchCode");

            Assert.Equal(1, run.ExitCode);
            Assert.Matches(@"(?m)^Id\s+: A12\s*$", run.StandardOutput);
            Assert.Contains("Get-AzBackupKnownIssue: ", run.StandardError);
            Assert.Contains("NoSuchCode", run.StandardError);
        }

        [Fact]
        public void Warnings_go_to_stderr_once_and_do_not_fail_the_run()
        {
            var run = HostRun.Start("function Test-Warn { [CmdletBinding()] param() $PSCmdlet.WriteWarning('careful'); 'done' }; Test-Warn");

            Assert.Equal(0, run.ExitCode);
            Assert.Equal("done", run.StandardOutput.Trim());
            Assert.Equal("WARNING: careful", run.StandardError.Trim());
        }

        [Fact]
        public void A_command_that_throws_exits_1()
        {
            var run = HostRun.Start("throw 'stop here'");

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("stop here", run.StandardError);
        }

        [Fact]
        public void A_missing_export_exits_1_naming_the_file()
        {
            var run = HostRun.Start("Get-AzBackupFailureDiagnosis -Path ./no-such-export.json");

            Assert.Equal(1, run.ExitCode);
            Assert.Contains(Path.Combine(RepoPaths.Root, "no-such-export.json"), run.StandardError);
        }

        [Theory]
        [InlineData("zh_CN.UTF-8", "zh-CN")]
        [InlineData("zh_HK.UTF-8", "zh-TW")]
        [InlineData("en_GB.UTF-8", "en-US")]
        public void Without_Culture_the_text_follows_the_session_ui_culture(string locale, string expected)
        {
            var run = HostRun.Start("$PSUICulture; (Get-AzBackupKnownIssue -Id A12).Culture; (Get-AzBackupKnownIssue -Id A12).Title", new Dictionary<string, string> { ["LANG"] = locale, ["LC_ALL"] = locale });

            Assert.Equal(0, run.ExitCode);
            var lines = run.StandardOutput.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(expected, lines[1]);
            Assert.Equal(expected != "en-US", Text.HasHan(lines[2]));
        }

        [Theory]
        [InlineData("zh_CN.UTF-8", "在模块的知识库中")]
        [InlineData("zh_TW.UTF-8", "在模組的知識庫中")]
        public void Help_follows_the_session_ui_culture(string locale, string expected)
        {
            var run = HostRun.Start("(Get-Help Get-AzBackupKnownIssue).Synopsis", new Dictionary<string, string> { ["LANG"] = locale, ["LC_ALL"] = locale });

            Assert.Equal(0, run.ExitCode);
            Assert.Contains(expected, run.StandardOutput);
        }

        [Fact]
        public void No_command_prints_usage_and_exits_2()
        {
            var run = HostRun.Start(Array.Empty<string>());

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("Usage", run.StandardError);
        }

        [Fact]
        public void A_module_that_cannot_be_imported_exits_2()
        {
            var run = HostRun.Start("Get-AzBackupKnownIssue", new Dictionary<string, string> { ["AZBT_MODULE_PATH"] = Path.Combine(Path.GetTempPath(), "no-module-here.psd1") });

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("no-module-here.psd1", run.StandardError);
        }

        [Fact]
        public void AZBT_MODULE_PATH_may_name_the_module_folder()
        {
            var run = HostRun.Start("(Get-Module AzBackupTroubleshoot).ModuleBase", new Dictionary<string, string> { ["AZBT_MODULE_PATH"] = RepoPaths.ModuleDirectory });

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(Path.TrimEndingDirectorySeparator(RepoPaths.ModuleDirectory), run.StandardOutput.Trim());
        }
    }
}
