using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Core.Tests.Knowledge
{
    public class PastedErrorTests
    {
        [Theory]
        [InlineData("UserErrorVmNotInDesirableState", "UserErrorVmNotInDesirableState")]
        [InlineData("  320001 ", "320001")]
        [InlineData("0x29834", "0x29834")]
        [InlineData("Error code: UserErrorRpCollectionLimitReached", "UserErrorRpCollectionLimitReached")]
        [InlineData("ErrorCode:400094", "400094")]
        [InlineData("'code': 'UserErrorGuestAgentStatusUnavailable',", "UserErrorGuestAgentStatusUnavailable")]
        [InlineData("\"errorCode\": 380008,", "380008")]
        [InlineData("Status=400 Code=\"UserErrorBcmDatasourceNotPresent\"", "UserErrorBcmDatasourceNotPresent")]
        [InlineData("**ExtensionSnapshotFailedNoNetwork**", "ExtensionSnapshotFailedNoNetwork")]
        [InlineData("`BCMV2VMNotFound`", "BCMV2VMNotFound")]
        [InlineData("The security PIN entered is incorrect. (ID: 120002)", "120002")]
        [InlineData("(ID: 34528)", "34528")]
        [InlineData("'Bogus42'", "Bogus42")]
        public void One_code_is_found_however_it_is_wrapped(string pasted, string code) =>
            Assert.Equal([code], PastedError.Parse(pasted).Codes);

        [Fact]
        public void A_whole_message_gives_every_code_inside_in_order_once()
        {
            var pasted = PastedError.Parse(
                "Backup failed. Error code: 400094 (UserErrorVmNotFound). The VM agent reported UserErrorGuestAgentStatusUnavailable; "
                + "see **UserErrorVmNotFound** and policy error 0x29834.");

            Assert.Equal(["400094", "UserErrorVmNotFound", "UserErrorGuestAgentStatusUnavailable", "0x29834"], pasted.Codes);
        }

        [Theory]
        [InlineData("The restore point collection max limit has reached.")]
        [InlineData("Status=400, the operation failed after 18 attempts on 2.7.41491.1010.")]
        public void A_message_without_a_code_gives_none_and_keeps_the_text(string pasted)
        {
            var result = PastedError.Parse(pasted);

            Assert.Empty(result.Codes);
            Assert.Equal(pasted, result.Text);
        }
    }
}
