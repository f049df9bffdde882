using DetectorDaq.Production.Workflow;

namespace DetectorDaq.Production.Tests;

public sealed class OperatorTests
{
    [Test]
    public void ConsoleOperator_UsesGivenAnswersFirstThenAsks()
    {
        var output = new StringWriter();
        var @operator = new ConsoleOperator(new StringReader(" no \n"), output, new Dictionary<string, string> { ["a"] = "yes" });

        Assert.That(@operator.Ask("a", "First?"), Is.EqualTo("yes"));
        Assert.That(@operator.Ask("b", "Second?"), Is.EqualTo("no"));
        Assert.That(output.ToString(), Is.EqualTo("Second? [b]: "));
        Assert.That(@operator.Ask("c", "Third?"), Is.Null);
    }

    [TestCase("novalue")]
    [TestCase("=x")]
    public void AnswerWithoutKey_IsRejected(string pair)
    {
        Assert.Throws<ArgumentException>(() => AnswersOperator.FromPairs([pair]));
    }

    [Test]
    public void AnswerValue_MayContainEquals()
    {
        Assert.That(AnswersOperator.FromPairs(["note=a=b"]).Ask("note", "?"), Is.EqualTo("a=b"));
    }
}
