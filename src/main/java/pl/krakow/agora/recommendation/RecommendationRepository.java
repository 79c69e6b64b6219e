package pl.krakow.agora.recommendation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;


interface RecommendationRepository extends JpaRepository<Recommendation, Long> {

    Optional<Recommendation> findByCode(String code);

    List<Recommendation> findBySectionAndKindOrderByPosition(String section, RecommendationKind kind);

    List<Recommendation> findByStatusInOrderByCreatedAtDesc(Collection<WorkflowStatus> statuses);

    List<Recommendation> findByAuthorIdOrderByCreatedAtDesc(Long authorId);
}
