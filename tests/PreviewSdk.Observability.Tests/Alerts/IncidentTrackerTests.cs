using PreviewSdk.Observability.Alerts;

namespace PreviewSdk.Observability.Tests.Alerts;

/// <summary>One alert per incident: the tracker's debouncing, with time given by the test.</summary>
[TestClass]
public sealed class IncidentTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly Problem Crash = new(ProblemKind.Exited, "exited with code 1", []);
    private static readonly Problem Sick = new(ProblemKind.Unhealthy, "health: 503", []);

    [TestMethod]
    public void ABadSubject_OpensOneIncident_HoweverOftenAndHoweverItIsSeenBad()
    {
        var tracker = new IncidentTracker(TimeSpan.FromSeconds(10));

        var opened = tracker.Bad("api", "api", Crash, T0);
        Assert.IsNotNull(opened);
        Assert.IsFalse(opened.IsRecovery);
        Assert.IsNull(tracker.Bad("api", "api", Crash, T0.AddSeconds(1)));
        Assert.IsNull(tracker.Bad("api", "api", Sick, T0.AddSeconds(2)), "another kind of trouble belongs to the same incident");
        Assert.AreSame(Crash, tracker.Open.Single().Problem, "the incident keeps the problem it opened with");
    }

    [TestMethod]
    public void AnIncident_ClosesOnlyAfterTheSubjectStayedGoodForTheHold()
    {
        var tracker = new IncidentTracker(TimeSpan.FromSeconds(10));
        var opened = tracker.Bad("api", "api", Crash, T0)!;

        Assert.IsNull(tracker.Good("api", T0.AddSeconds(5)));
        Assert.IsEmpty(tracker.Tick(T0.AddSeconds(14)), "good for 9 s only");
        Assert.IsNull(tracker.Bad("api", "api", Crash, T0.AddSeconds(14)), "a flap within the hold is the same incident");
        Assert.IsNull(tracker.Good("api", T0.AddSeconds(15)));
        Assert.IsEmpty(tracker.Tick(T0.AddSeconds(24)), "the hold starts again after the flap");

        var closed = tracker.Tick(T0.AddSeconds(25)).Single();
        Assert.IsTrue(closed.IsRecovery);
        Assert.AreEqual(opened.Incident.Id, closed.Incident.Id);
        Assert.AreEqual(TimeSpan.FromSeconds(25), closed.Incident.Duration(T0.AddHours(1)));
        Assert.IsEmpty(tracker.Open);
        Assert.IsNotNull(tracker.Bad("api", "api", Crash, T0.AddSeconds(30)), "trouble after the recovery is a new incident");
    }

    [TestMethod]
    public void Subjects_AreIndependent_AndGoodNewsOfAnUnknownSubjectIsNothing()
    {
        var tracker = new IncidentTracker(TimeSpan.Zero);

        Assert.IsNull(tracker.Good("web", T0));
        var api = tracker.Bad("api", "api", Crash, T0)!;
        var errors = tracker.Bad("api errors", "api", Sick, T0.AddSeconds(1))!;

        Assert.AreNotEqual(api.Incident.Id, errors.Incident.Id);
        Assert.AreEqual("api", tracker.Good("api", T0.AddSeconds(2))!.Incident.Subject, "a zero hold closes at once");
        Assert.AreEqual("api errors", tracker.Open.Single().Subject);
    }
}
