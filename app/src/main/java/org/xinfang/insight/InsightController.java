package org.xinfang.insight;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.organization.CurrentStaff;
import org.xinfang.organization.StaffUser;
import org.xinfang.people.Petitioners;
import org.xinfang.petition.PetitionQueries;
import org.xinfang.petition.PetitionType;
import org.xinfang.petition.PetitionViews;
import org.xinfang.search.IndexedPetitions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The triage API: suggestions for a registered petition (category, unit, similar and repeated
 * petitions), the same for a text being registered, and hotspots for leaders. Roles are set in the
 * security configuration; what a user may see is limited by their scope in every query.
 */
@RestController
@Validated
class InsightController {

    /** All suggestions for one petition; each says why. */
    record Suggestions(String number, PetitionClassifier.Suggestion category, ResponsibleUnits.UnitSuggestion unit,
            List<SimilarPetitions.Similar> similar, boolean repeatCandidate) {
    }

    /** A petition being registered, not saved yet. */
    record Draft(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 20000) String content,
            @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}") String regionCode, PetitionType type,
            @Size(max = 50) String category, @Size(max = 18) String idCardNumber) {
    }

    private final PetitionQueries petitions;
    private final IndexedPetitions index;
    private final PetitionClassifier classifier;
    private final ResponsibleUnits units;
    private final SimilarPetitions similar;
    private final Hotspots hotspots;
    private final Petitioners petitioners;

    InsightController(PetitionQueries petitions, IndexedPetitions index, PetitionClassifier classifier,
            ResponsibleUnits units, SimilarPetitions similar, Hotspots hotspots, Petitioners petitioners) {
        this.petitions = petitions;
        this.index = index;
        this.classifier = classifier;
        this.units = units;
        this.similar = similar;
        this.hotspots = hotspots;
        this.petitioners = petitioners;
    }

    @GetMapping("/api/v1/petitions/{number}/suggestions")
    Suggestions forPetition(@PathVariable @Size(max = 40) String number) {
        StaffUser user = CurrentStaff.require();
        PetitionViews.Detail p = petitions.detail(number, user); // scope check, and the read is audited
        UUID petitioner = index.petitionerOf(number, user).orElse(null);
        PetitionClassifier.Suggestion category = classifier.classify(p.title(), p.content());
        String usedCategory = p.category() != null && !p.category().isBlank() ? p.category() : category.category();
        ResponsibleUnits.UnitSuggestion unit = units.suggest(p.title(), p.content(), usedCategory, p.regionCode(),
                PetitionType.ACCUSATION.name().equals(p.type()), p.currentUnit().id());
        List<SimilarPetitions.Similar> found = similar.similarTo(p.title(), p.content(), petitioner, p.id(),
                p.receivedAt().toInstant(), user);
        return new Suggestions(p.number(), category, unit, found,
                found.stream().anyMatch(SimilarPetitions.Similar::repeatCandidate));
    }

    @PostMapping("/api/v1/insight/suggestions")
    Suggestions forDraft(@Valid @RequestBody Draft d) {
        StaffUser user = CurrentStaff.require();
        PetitionClassifier.Suggestion category = classifier.classify(d.title(), d.content());
        String usedCategory = d.category() != null && !d.category().isBlank() ? d.category() : category.category();
        ResponsibleUnits.UnitSuggestion unit = units.suggest(d.title(), d.content(), usedCategory, d.regionCode(),
                d.type() == PetitionType.ACCUSATION, user.unitId());
        UUID petitioner = d.idCardNumber() == null || d.idCardNumber().isBlank() ? null
                : petitioners.findByIdCard(d.idCardNumber().strip()).orElse(null);
        List<SimilarPetitions.Similar> found = similar.similarTo(d.title(), d.content(), petitioner, null, null, user);
        return new Suggestions(null, category, unit, found,
                found.stream().anyMatch(SimilarPetitions.Similar::repeatCandidate));
    }

    @GetMapping("/api/v1/insight/hotspots")
    List<Hotspots.Hotspot> hotspots(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int top) {
        return hotspots.between(from, to, top, CurrentStaff.require());
    }

}
