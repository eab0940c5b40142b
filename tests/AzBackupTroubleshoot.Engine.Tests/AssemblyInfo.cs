// Each test starts a fake ARM and trusts its certificate in the user's store: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
