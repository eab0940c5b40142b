using System.IO;
using AzBackupTroubleshoot.Knowledge;

namespace AzBackupTroubleshoot.Core.Tests.Knowledge
{
    public class KnowledgeBaseReaderTests
    {
        [Fact]
        public void A_missing_language_names_the_entry_and_element()
        {
            var xml = "<knowledgeBase><entry id=\"A1\" category=\"VmBackup\" evidence=\"Guest\" appliesTo=\"VmBackup\">"
                + "<title><en>t</en><zh-CN>标题</zh-CN></title></entry></knowledgeBase>";
            var ex = Assert.Throws<KnowledgeBaseFormatException>(() => KnowledgeBaseReader.Read(new StringReader(xml), "x.xml"));
            Assert.Contains("entry A1", ex.Message);
            Assert.Contains("zh-TW", ex.Message);
        }

        [Fact]
        public void A_code_claimed_twice_is_refused()
        {
            var twice = InlineKnowledge.Entry("A1", "<code>Same</code>", string.Empty) + InlineKnowledge.Entry("A2", "<code>SAME</code>", string.Empty);
            var ex = Assert.Throws<KnowledgeBaseFormatException>(() => InlineKnowledge.From(twice));
            Assert.Contains("A1", ex.Message);
            Assert.Contains("A2", ex.Message);
        }

        [Fact]
        public void Unknown_categories_and_flags_are_refused()
        {
            var bad = InlineKnowledge.Entry("A1", string.Empty, "<message>m</message>").Replace("evidence=\"Arm\"", "evidence=\"Arm Telepathy\"");
            Assert.Throws<KnowledgeBaseFormatException>(() => InlineKnowledge.From(bad));
        }

        [Theory]
        [InlineData(" destructive=\"true\"", true)]
        [InlineData(" destructive=\"false\"", false)]
        [InlineData("", false)]
        public void A_remedy_step_is_destructive_only_when_it_says_so(string attribute, bool destructive)
        {
            var kb = InlineKnowledge.From(InlineKnowledge.Entry("A1", "<code>C1</code>", string.Empty, string.Empty, $"<remedy{attribute} command=\"Stop-It\">" + "<en>e</en><zh-CN>简</zh-CN><zh-TW>繁</zh-TW></remedy>"));
            Assert.Equal(destructive, kb.Get("A1")!.Remedies[0].Destructive);
        }

        [Fact]
        public void A_destructive_value_other_than_true_or_false_is_refused()
        {
            var bad = InlineKnowledge.Entry("A1", "<code>C1</code>", string.Empty, string.Empty, "<remedy destructive=\"yes\"><en>e</en><zh-CN>简</zh-CN><zh-TW>繁</zh-TW></remedy>");
            var ex = Assert.Throws<KnowledgeBaseFormatException>(() => InlineKnowledge.From(bad));
            Assert.Contains("entry A1, remedy 1", ex.Message);
        }

        [Fact]
        public void Flags_causes_remedies_and_scripts_are_read()
        {
            var entry = InlineKnowledge.Sample.Get("B4")!;
            Assert.Equal(Applicability.VmBackup, entry.AppliesTo);
            Assert.Equal("Clear-AzRestorePointCollection -ResourceId '{VmId}' -RemoveLock", entry.Remedies[0].CommandTemplate);
            Assert.Equal("net start VSS", Assert.Single(entry.Remedies[0].Scripts).Text);
            Assert.Equal(2, entry.Remedies.Count);
            Assert.Equal(["VM.PowerState"], InlineKnowledge.Sample.Get("A3")!.Causes[0].Checks);
        }

        [Fact]
        public void Wrapped_text_is_read_as_one_paragraph()
        {
            var xml = "<knowledgeBase>" + InlineKnowledge.Entry("A1", "<code>X</code>", string.Empty).Replace("Title A1", "Title\n      over   lines") + "</knowledgeBase>";
            Assert.Equal("Title over lines", KnowledgeBaseReader.Read(new StringReader(xml), "t")[0].Title.English);
        }
    }
}
