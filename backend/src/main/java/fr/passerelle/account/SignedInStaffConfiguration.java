package fr.passerelle.account;

import java.util.List;

import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets every controller take the signed-in {@link StaffAccount} as a parameter. The
 * accounts are looked up lazily: web configurers are made early, before the service's
 * transactions could be woven in.
 */
@Configuration(proxyBeanMethods = false)
class SignedInStaffConfiguration implements WebMvcConfigurer {

	static {
		// nobody sends it: the API description leaves it out, as it does Authentication
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(StaffAccount.class);
	}

	private final ObjectProvider<AccountManagement> accounts;

	SignedInStaffConfiguration(ObjectProvider<AccountManagement> accounts) {
		this.accounts = accounts;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new SignedInStaff(this.accounts));
	}

}
