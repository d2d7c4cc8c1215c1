package fr.passerelle.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface Accounts extends ListCrudRepository<Account, Long> {

	Optional<Account> findByEmail(String email);

	boolean existsByEmail(String email);

	boolean existsByRole(Role role);

	List<Account> findByRole(Role role);

}
