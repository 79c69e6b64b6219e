package pl.krakow.agora.recommendation;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface StatusChangeRepository extends JpaRepository<StatusChangeEntry, Long> {

    List<StatusChangeEntry> findByRecommendationIdOrderByChangedAtAscIdAsc(Long recommendationId);
}
