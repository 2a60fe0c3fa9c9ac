using PreviewSdk.Seeding.Settings;

namespace PreviewSdk.Seeding.Tests.EndToEnd;

/// <summary>
/// A unique key that includes a foreign key filled only after the first pass (a self-reference, the nullable half of a
/// cycle) is kept by the rest of the key: the late parent can be any row, so two rows that agree on the rest and get
/// the same parent would collide. (Found by <see cref="RichSchemaSeedingTests"/>: categories (parent_id, name) was
/// refused by PostgreSQL as PREVIEW4041.)
/// </summary>
[TestClass]
public sealed class DeferredKeyUniquenessTests
{
    [TestMethod]
    public async Task Unique_keys_over_a_self_reference_or_a_cycle_hold_after_the_late_pass()
    {
        var target = await SeedTarget.CreateAsync("""
            CREATE TABLE categories (
                id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                parent_id integer REFERENCES categories (id),
                name varchar(40) NOT NULL,
                CONSTRAINT categories_parent_name_key UNIQUE (parent_id, name));
            CREATE TABLE departments (id serial PRIMARY KEY, name varchar(40) NOT NULL, head_id integer,
                CONSTRAINT departments_head_name_key UNIQUE (head_id, name));
            CREATE TABLE staff (id serial PRIMARY KEY, department_id integer NOT NULL REFERENCES departments (id));
            ALTER TABLE departments ADD CONSTRAINT departments_head_id_fkey FOREIGN KEY (head_id) REFERENCES staff (id);
            """);

        await target.SeedSuccessfullyAsync(new SeedSettings { Seed = 3, DefaultRows = 600 });

        Assert.IsGreaterThan(300L, await target.ScalarAsync<long>("SELECT count(*) FROM categories WHERE parent_id IS NOT NULL"));
        Assert.IsGreaterThan(300L, await target.ScalarAsync<long>("SELECT count(*) FROM departments WHERE head_id IS NOT NULL"));
        var recheck = await ConstraintRecheck.DuplicateKeysAsync(target);
        CollectionAssert.AreEqual(Array.Empty<string>(), recheck.Broken.ToArray());
        Assert.AreEqual(5, recheck.Checked);
    }
}
