package dev.steward.directory.user.query;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface UserViewRepository extends JpaRepository<UserView, String>, JpaSpecificationExecutor<UserView> {

    Optional<UserView> findFirstByUserPrincipalNameIgnoreCase(String userPrincipalName);
}
