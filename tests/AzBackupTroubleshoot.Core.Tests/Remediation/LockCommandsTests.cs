using System.Linq;
using AzBackupTroubleshoot.Core.Tests.Scripting;
using AzBackupTroubleshoot.Evidence;
using AzBackupTroubleshoot.Remediation;

namespace AzBackupTroubleshoot.Core.Tests.Remediation
{
    public class LockCommandsTests
    {
        private const string Sub = "00000000-0000-0000-0000-000000000001";

        public static TheoryData<string, string> Fields() =>
            HostileValues.InEach("Name", "Level", "Notes", "ResourceGroupName", "Scope");

        [Theory]
        [MemberData(nameof(Fields))]
        public void A_hostile_lock_field_is_one_literal_argument(string field, string value)
        {
            var name = field == "Name" ? value : "keep";
            var level = field == "Level" ? value : "CanNotDelete";
            var notes = field == "Notes" ? value : "do not delete";
            var group = field == "ResourceGroupName" ? value : "AzureBackupRG_eastus_1";
            var scope = field == "Scope" ? $"/subscriptions/{Sub}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/{value}" : $"/subscriptions/{Sub}/resourceGroups/{group}";

            var command = LockCommands.Recreate(new LockEvidence { ResourceId = scope + "/providers/Microsoft.Authorization/locks/" + name, Name = name, Level = level, Notes = notes, Scope = scope });

            var (code, values) = SingleQuotedReading.Read(command);
            var at = field == "Scope" ? "-Scope" : "-ResourceGroupName";
            var l = SingleQuotedReading.Literal;
            Assert.Equal($"New-AzResourceLock -LockName {l} -LockLevel {l} {at} {l} -LockNotes {l} -Force", code);
            Assert.Equal([name, level, field == "Scope" ? scope : group, notes], values);
        }

        [Theory]
        [InlineData("Name")]
        [InlineData("Level")]
        [InlineData("Notes")]
        [InlineData("Scope")]
        public void A_lock_with_a_NUL_gets_a_comment_that_runs_nothing(string field)
        {
            var scope = $"/subscriptions/{Sub}/resourceGroups/rg";
            var l = new LockEvidence
            {
                ResourceId = scope + "/providers/Microsoft.Authorization/locks/keep",
                Name = field == "Name" ? "keep\0'; Invoke-Pwned" : "keep",
                Level = field == "Level" ? "ReadOnly\0" : "ReadOnly",
                Notes = field == "Notes" ? "n\0\n$(Invoke-Pwned)" : "n",
                Scope = field == "Scope" ? scope + "\0" : scope,
            };

            var command = LockCommands.Recreate(l);

            Assert.StartsWith("# ", command);
            Assert.DoesNotContain('\0', command);
            Assert.DoesNotContain('\n', command);
        }
    }
}
