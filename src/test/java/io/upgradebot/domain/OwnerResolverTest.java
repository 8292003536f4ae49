package io.upgradebot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OwnerResolverTest {

    static final RepoRef REPO = RepoRef.parse("openedx/frontend-app-learning");

    @Test
    void codeowners_root_rule_names_the_team_without_the_at_sign() {
        assertEquals(Optional.of("openedx/2u-infinity"), CodeOwners.ownerOfRoot("""
                # Owners of everything
                *   @openedx/2u-infinity @jane
                /docs/ @openedx/docs-team
                *.js @openedx/frontend
                """));
    }

    @Test
    void codeowners_with_a_later_root_rule_is_owned_by_the_later_rule_as_on_github() {
        assertEquals(Optional.of("openedx/axim-engineering"), CodeOwners.ownerOfRoot("""
                * @openedx/2u-infinity
                /src/ @openedx/frontend
                /* @openedx/axim-engineering
                """));
    }

    @Test
    void codeowners_root_patterns_and_users() {
        assertEquals(Optional.of("jane"), CodeOwners.ownerOfRoot("/ @jane @bob"));
        assertEquals(Optional.of("openedx/t"), CodeOwners.ownerOfRoot("** @jane @openedx/t"));
        assertEquals(List.of("jane", "ops@example.com"), CodeOwners.rootOwners("/** @jane ops@example.com # comment"));
    }

    @Test
    void codeowners_without_a_root_rule_or_with_an_unowned_last_root_rule_has_no_owner() {
        assertEquals(Optional.empty(), CodeOwners.ownerOfRoot("/docs/ @openedx/docs\n*.py @openedx/python\n"));
        assertEquals(Optional.empty(), CodeOwners.ownerOfRoot("* @openedx/a\n*\n"));
        assertEquals(Optional.empty(), CodeOwners.ownerOfRoot("# * @openedx/a\n\\#* @openedx/b"));
        assertEquals(Optional.empty(), CodeOwners.ownerOfRoot(""));
    }

    @Test
    void catalog_info_spec_owner_with_a_default_namespace_group_ref() {
        assertEquals(Optional.of("2u-infinity"), CatalogInfo.owner("""
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: frontend-app-learning
                  annotations:
                    owner: not-this-one
                spec:
                  type: website
                  owner: group:default/2u-infinity   # the team
                  lifecycle: production
                """));
    }

    @Test
    void catalog_info_with_several_documents_takes_the_component_owner() {
        assertEquals(Optional.of("edx/arch-bom"), CatalogInfo.owner("""
                ---
                apiVersion: backstage.io/v1alpha1
                kind: System
                spec:
                  owner: group:platform
                ---
                # the repository itself
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: edx-platform
                spec:
                    lifecycle: production
                    owner: "group:edx/arch-bom"
                """));
    }

    @Test
    void catalog_info_owner_forms() {
        assertEquals(Optional.of("arch-bom"), CatalogInfo.owner("kind: Component\nspec:\n  owner: 'arch-bom'\n"));
        assertEquals(Optional.of("jane"), CatalogInfo.owner("kind: Component\nspec:\n  owner: user:jane\n"));
        assertEquals(Optional.of("team-x"),
                CatalogInfo.owner("kind: Component\nspec: {type: service, owner: group:team-x}\n"));
        assertEquals(Optional.of("sys"), CatalogInfo.owner("kind: System\nspec:\n  owner: sys\n"));
        assertEquals(Optional.empty(),
                CatalogInfo.owner("kind: Component\nmetadata:\n  owner: x\nspec:\n  type: lib\n"));
        assertEquals(Optional.empty(), CatalogInfo.owner("kind: Component\nspec:\n  nested:\n    owner: deep\n"));
        assertEquals(Optional.empty(), CatalogInfo.owner(""));
    }

    @Test
    void the_mapping_prefers_an_exact_entry_then_the_first_matching_glob() {
        OwnerMapping mapping = OwnerMapping.parse("""
                # repository -> team
                openedx/frontend-* = frontend-working-group
                openedx/*: axim-engineering
                OpenEdx/Frontend-App-Learning   2u-infinity
                """);
        assertEquals(Optional.of("2u-infinity"), mapping.ownerOf(REPO));
        assertEquals(Optional.of("frontend-working-group"), mapping.ownerOf(RepoRef.parse("openedx/frontend-app-mfe")));
        assertEquals(Optional.of("axim-engineering"), mapping.ownerOf(RepoRef.parse("openedx/edx-platform")));
        assertEquals(Optional.empty(), mapping.ownerOf(RepoRef.parse("other/frontend-x")));
        assertEquals(3, OwnerMapping.parse("a/b=t1;a/c=t2;a/d t3").entries().size());
    }

    @Test
    void a_bad_mapping_line_is_named() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OwnerMapping.parse("justateam"));
        assertTrue(e.getMessage().contains("'justateam'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OwnerMapping.parse("a/b ="));
    }

    @Test
    void owners_are_looked_up_in_the_issue_order_catalog_info_codeowners_mapping_unknown() {
        Optional<String> catalog = Optional.of("kind: Component\nspec:\n  owner: group:catalog-team\n");
        Optional<String> codeowners = Optional.of("* @openedx/codeowners-team\n");
        OwnerMapping mapping = OwnerMapping.parse("openedx/* = mapped-team");

        assertEquals(new OwnerResolution(Optional.of("catalog-team"), "catalog-info"),
                OwnerResolver.resolve(catalog, codeowners, mapping, REPO));
        assertEquals(new OwnerResolution(Optional.of("openedx/codeowners-team"), "codeowners"),
                OwnerResolver.resolve(Optional.of("kind: Component\nspec:\n  type: x\n"), codeowners, mapping, REPO));
        assertEquals(new OwnerResolution(Optional.of("mapped-team"), "mapping"),
                OwnerResolver.resolve(Optional.empty(), Optional.of("/docs/ @x/docs"), mapping, REPO));
        OwnerResolution unknown = OwnerResolver.resolve(Optional.empty(), Optional.empty(), OwnerMapping.empty(), REPO);
        assertEquals(OwnerResolution.unknown(), unknown);
        assertEquals(null, unknown.sourceOrNull());
        assertEquals(Optional.of("codeowners-team"),
                OwnerResolver.resolve(Optional.empty(), codeowners, mapping, REPO).teamName());
    }
}
