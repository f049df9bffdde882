using System.Numerics;
using DetectorDaq.Hil.Scenarios;

namespace DetectorDaq.Scenarios.Tests;

public sealed class UdpImpairmentProxyTests
{
    private const int Count = 1000;

    /// <summary>What the dice decide for <see cref="Count"/> datagrams of the harness size, replayed independently.</summary>
    private static List<ImpairmentDecision> Replay(ProxyImpairments impairments)
    {
        var dice = new ImpairmentDice(impairments);
        return Enumerable.Range(0, Count).Select(_ => dice.Next(LoopbackHarness.DatagramBytes)).ToList();
    }

    [Test]
    public void WithoutImpairments_EveryDatagramArrivesOnceInOrderUnchanged()
    {
        using var harness = new LoopbackHarness(ProxyImpairments.None);
        harness.Send(0, Count);
        var counters = harness.WaitUntilSettled(Count);
        var received = harness.ReceiveAll();

        Assert.That(counters, Is.EqualTo(new ProxyCounters(Count, Count, 0, 0, 0, 0, 0, 0, 0, 0)));
        Assert.That(received.Select(LoopbackHarness.SequenceOf), Is.EqualTo(Enumerable.Range(0, Count)));
        Assert.That(received.All(datagram => datagram.SequenceEqual(LoopbackHarness.Datagram(LoopbackHarness.SequenceOf(datagram)))), Is.True);
    }

    [Test]
    public void WhenTenPercentAreLost_ReceiverGetsExactlyTheForwardedOnesAndDropsMatchTheSeed()
    {
        var impairments = new ProxyImpairments { Seed = 11, LossFraction = 0.1 };
        using var harness = new LoopbackHarness(impairments);
        harness.Send(0, Count);
        var counters = harness.WaitUntilSettled(Count);
        var received = harness.ReceiveAll();

        var expectedDropped = Replay(impairments).Count(decision => decision.Drop);
        Assert.That(counters.Dropped, Is.EqualTo(expectedDropped));
        Assert.That(expectedDropped, Is.InRange(70, 130));
        Assert.That(counters.Forwarded, Is.EqualTo(Count - counters.Dropped));
        Assert.That(received, Has.Count.EqualTo(counters.Forwarded));
        Assert.That(counters.Lost, Is.EqualTo(Count - received.Count));
    }

    [Test]
    public void WhenDuplicating_ReceiverGetsForwardedPlusDuplicatedDatagrams()
    {
        var impairments = new ProxyImpairments { Seed = 12, DuplicateFraction = 0.05 };
        using var harness = new LoopbackHarness(impairments);
        harness.Send(0, Count);
        var counters = harness.WaitUntilSettled(Count);
        var received = harness.ReceiveAll();

        Assert.That(counters.Duplicated, Is.EqualTo(Replay(impairments).Count(decision => decision.Duplicate)));
        Assert.That(counters.Duplicated, Is.GreaterThan(0));
        Assert.That(received, Has.Count.EqualTo(Count + counters.Duplicated));
        var copies = received.GroupBy(LoopbackHarness.SequenceOf).Count(group => group.Count() == 2);
        Assert.That(copies, Is.EqualTo(counters.Duplicated));
    }

    [Test]
    public void WhenReordering_HeldDatagramsArriveAfterLaterOnesAndAreCounted()
    {
        var impairments = new ProxyImpairments { Seed = 13, ReorderFraction = 0.05, ReorderDistance = 3 };
        using var harness = new LoopbackHarness(impairments);
        harness.Send(0, Count);
        var counters = harness.WaitUntilSettled(Count);
        var sequences = harness.ReceiveAll().Select(LoopbackHarness.SequenceOf).ToList();

        var outOfOrder = 0;
        var highest = -1;
        foreach (var sequence in sequences)
        {
            if (sequence < highest)
            {
                outOfOrder++;
            }

            highest = Math.Max(highest, sequence);
        }

        var held = Replay(impairments).Count(decision => decision.Reorder);
        Assert.That(sequences, Is.EquivalentTo(Enumerable.Range(0, Count)));
        Assert.That(counters.Forwarded, Is.EqualTo(Count));
        Assert.That(counters.Reordered, Is.EqualTo(outOfOrder));
        Assert.That(outOfOrder, Is.InRange(held - 2, held), "only a datagram flushed by the hold timeout goes out unovertaken");
        Assert.That(held, Is.GreaterThan(20));
    }

    [Test]
    public void WhenCorrupting_EachCorruptedDatagramDiffersByExactlyOnePayloadBit()
    {
        var impairments = new ProxyImpairments { Seed = 14, CorruptionFraction = 0.1 };
        using var harness = new LoopbackHarness(impairments);
        harness.Send(0, Count);
        var counters = harness.WaitUntilSettled(Count);
        var received = harness.ReceiveAll();

        var corrupted = 0;
        foreach (var datagram in received)
        {
            var original = LoopbackHarness.Datagram(LoopbackHarness.SequenceOf(datagram));
            var differingBits = 0;
            for (var index = 0; index < original.Length; index++)
            {
                var difference = original[index] ^ datagram[index];
                differingBits += BitOperations.PopCount((uint)difference);
                Assert.That(difference == 0 || index >= ProxyImpairments.DataPacketHeaderBytes, Is.True, "the 48-byte header is never corrupted");
            }

            Assert.That(differingBits, Is.LessThanOrEqualTo(1));
            corrupted += differingBits;
        }

        Assert.That(received, Has.Count.EqualTo(Count));
        Assert.That(counters.Corrupted, Is.EqualTo(corrupted));
        Assert.That(counters.Corrupted, Is.EqualTo(Replay(impairments).Count(decision => decision.CorruptBit >= 0)));
    }

    [Test]
    public void WhenAStallEndsWithDeliver_HeldDatagramsArriveLateInOrder()
    {
        using var harness = new LoopbackHarness(ProxyImpairments.None);
        harness.Proxy.Stall(TimeSpan.FromMilliseconds(300), StallRelease.Deliver);
        Thread.Sleep(20);
        harness.Send(0, 40);
        Thread.Sleep(100);
        Assert.That(harness.Proxy.Counters.Forwarded, Is.Zero, "nothing passes during the stall");

        var counters = harness.WaitUntilSettled(40);
        var sequences = harness.ReceiveAll().Select(LoopbackHarness.SequenceOf).ToList();

        Assert.That(counters.Stalled, Is.EqualTo(40));
        Assert.That(counters.Forwarded, Is.EqualTo(40));
        Assert.That(sequences, Is.EqualTo(Enumerable.Range(0, 40)));
    }

    [Test]
    public void WhenAStallEndsWithDrop_HeldDatagramsAreCountedAsLostAndLaterOnesPass()
    {
        using var harness = new LoopbackHarness(ProxyImpairments.None);
        harness.Proxy.Stall(TimeSpan.FromSeconds(30), StallRelease.Drop);
        Thread.Sleep(20);
        harness.Send(0, 30);
        SpinWait.SpinUntil(() => harness.Proxy.Counters.Stalled == 30, TimeSpan.FromSeconds(5));
        harness.Proxy.EndStall();
        SpinWait.SpinUntil(() => harness.Proxy.Counters.Held == 0, TimeSpan.FromSeconds(5));
        harness.Send(30, 10);
        var counters = harness.WaitUntilSettled(40);
        var sequences = harness.ReceiveAll().Select(LoopbackHarness.SequenceOf).ToList();

        Assert.That(counters.StallDropped, Is.EqualTo(30));
        Assert.That(counters.Lost, Is.EqualTo(30));
        Assert.That(sequences, Is.EqualTo(Enumerable.Range(30, 10)));
    }

    [Test]
    public void WhenAStallOutlastsTheHoldBuffers_ExtraDatagramsAreDroppedAndCounted()
    {
        using var harness = new LoopbackHarness(new ProxyImpairments { SlotCount = 8 });
        harness.Proxy.Stall(TimeSpan.FromSeconds(30), StallRelease.Deliver);
        Thread.Sleep(20);
        harness.Send(0, 20);
        SpinWait.SpinUntil(() => harness.Proxy.Counters.Stalled == 20, TimeSpan.FromSeconds(5));
        harness.Proxy.EndStall();
        var counters = harness.WaitUntilSettled(20);
        var sequences = harness.ReceiveAll().Select(LoopbackHarness.SequenceOf).ToList();

        Assert.That(counters.OverflowDropped, Is.EqualTo(12));
        Assert.That(sequences, Is.EqualTo(Enumerable.Range(0, 8)));
    }

    [Test]
    public void SameSeed_GivesSameCounters()
    {
        var impairments = new ProxyImpairments { Seed = 15, LossFraction = 0.05, DuplicateFraction = 0.05, ReorderFraction = 0.05, CorruptionFraction = 0.05 };
        ProxyCounters Run()
        {
            using var harness = new LoopbackHarness(impairments);
            harness.Send(0, Count);
            var counters = harness.WaitUntilSettled(Count);
            Assert.That(harness.ReceiveAll(), Has.Count.EqualTo(counters.Forwarded + counters.Duplicated));
            return counters;
        }

        var first = Run();
        Assert.That(Run(), Is.EqualTo(first));
        Assert.That(first.Forwarded + first.Lost, Is.EqualTo(Count));
    }

    [TestCase(-0.1, 0, 0, 0)]
    [TestCase(0, 1.5, 0, 0)]
    [TestCase(0, 0, double.NaN, 0)]
    [TestCase(0, 0, 0, 2)]
    public void FractionsOutsideZeroToOne_AreRejected(double loss, double duplicate, double reorder, double corruption)
    {
        var impairments = new ProxyImpairments { LossFraction = loss, DuplicateFraction = duplicate, ReorderFraction = reorder, CorruptionFraction = corruption };
        Assert.That(() => new ImpairmentDice(impairments), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
